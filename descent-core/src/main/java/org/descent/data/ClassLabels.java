package org.descent.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The number of classes, from the labels present rather than from the largest label: labels
 * 0..K−1 (or nearly so: at most half the numbers below the largest unused, as with 1-based
 * labels) give K = largest + 1, unchanged; sparse labels such as {0, 7, 65535} are renumbered
 * 0..K−1 in increasing order, K the number of distinct labels, and the original numbers become
 * the class names, so outputs still name them. So a single label 65535 makes 2 classes, not
 * 65,536 (a one-hot matrix and a confusion matrix of 65,536 columns).
 */
record ClassLabels(int[] labels, int classes, List<String> names) {

    static ClassLabels of(int[] labels) {
        boolean[] present = new boolean[OneHot.MAX_LABEL + 1];
        int largest = -1;
        int distinct = 0;
        for (int label : labels) {
            if (!present[label]) {
                present[label] = true;
                distinct++;
            }
            largest = Math.max(largest, label);
        }
        if (largest + 1 <= Math.max(2 * distinct, 2)) {
            return new ClassLabels(labels, Math.max(largest + 1, 1), null);
        }
        int[] number = new int[largest + 1];
        List<String> names = new ArrayList<>(distinct);
        for (int label = 0; label <= largest; label++) {
            if (present[label]) {
                number[label] = names.size();
                names.add(Integer.toString(label));
            }
        }
        int[] renumbered = Arrays.stream(labels).map(label -> number[label]).toArray();
        return new ClassLabels(renumbered, distinct, List.copyOf(names));
    }
}
