package org.descent.data;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.descent.DescentException;

/**
 * A dataset cut into training, validation and test parts, shuffled deterministically by a seed.
 * With fractions f_train and f_val the parts hold round(N·f_train), round(N·f_val) and the rest
 * of the samples; stratified, the same rounding is done per class, so each part keeps the class
 * proportions. Every sample lands in exactly one part.
 */
public record Split(Dataset train, Dataset validation, Dataset test) {

    /**
     * @param trainFraction      share for training, in (0, 1]
     * @param validationFraction share for validation, in [0, 1); the test part gets what is left
     * @param stratify           keep class proportions in each part (needs labels)
     */
    public static Split of(Dataset data, double trainFraction, double validationFraction, long seed, boolean stratify) {
        int[][] parts = indices(data, trainFraction, validationFraction, seed, stratify);
        return new Split(data.subset(parts[0]), data.subset(parts[1]), data.subset(parts[2]));
    }

    /**
     * The sample numbers of the three parts of {@link #of} (training, validation, test), each in its
     * part's order. Reads only the size, the labels and the number of classes of {@code data}, so a
     * dataset of labels without features gives the split of the full one: a reader can then load
     * only the rows it needs.
     */
    public static int[][] indices(Dataset data, double trainFraction, double validationFraction, long seed,
                                  boolean stratify) {
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new DescentException("train fraction must be in (0, 1], got " + trainFraction);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new DescentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (trainFraction + validationFraction > 1 + 1e-9) {
            throw new DescentException("train fraction " + trainFraction + " plus validation fraction "
                    + validationFraction + " exceed 1; the test part gets the rest");
        }
        if (stratify && !data.hasLabels()) {
            throw new DescentException("a stratified split needs class labels; this dataset holds regression targets");
        }
        Random random = Shuffle.random(seed, 0);
        int[][] parts = {new int[0], new int[0], new int[0]};
        if (stratify) {
            int[] labels = data.labels();
            for (int c = 0; c < data.classes(); c++) {
                int[] members = members(labels, c);
                Shuffle.shuffle(members, random);
                append(parts, members, trainFraction, validationFraction);
            }
            for (int[] part : parts) {
                Shuffle.shuffle(part, random);
            }
        } else {
            append(parts, Shuffle.permutation(data.size(), random), trainFraction, validationFraction);
        }
        return parts;
    }

    /** Cuts {@code shuffled} by the fractions and appends the pieces to the three parts. */
    private static void append(int[][] parts, int[] shuffled, double trainFraction, double validationFraction) {
        int n = shuffled.length;
        int trainCount = (int) Math.round(n * trainFraction);
        int validationCount = Math.min(n - trainCount, (int) Math.round(n * validationFraction));
        int[] cuts = {0, trainCount, trainCount + validationCount, n};
        for (int p = 0; p < 3; p++) {
            int[] piece = Arrays.copyOfRange(shuffled, cuts[p], cuts[p + 1]);
            int[] joined = Arrays.copyOf(parts[p], parts[p].length + piece.length);
            System.arraycopy(piece, 0, joined, parts[p].length, piece.length);
            parts[p] = joined;
        }
    }

    private static int[] members(int[] labels, int c) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }
}
