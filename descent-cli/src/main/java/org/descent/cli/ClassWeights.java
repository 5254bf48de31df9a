package org.descent.cli;

import org.descent.DescentException;
import org.descent.data.Dataset;

/** {@code --class-weights}: {@code auto} (scikit-learn's "balanced") or one weight per class. */
final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * {@code auto}: w_k = N / (K · n_k) from the training split's labels (0 for a class with no
     * training sample); otherwise the comma-separated numbers, one per class.
     */
    static double[] parse(String text, Dataset train) {
        int classes = train.classes();
        if (text.trim().equalsIgnoreCase("auto")) {
            int[] counts = new int[classes];
            for (int label : train.labels()) {
                counts[label]++;
            }
            double[] weights = new double[classes];
            for (int k = 0; k < classes; k++) {
                weights[k] = counts[k] == 0 ? 0 : (double) train.size() / ((double) classes * counts[k]);
            }
            return weights;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != classes) {
            throw new DescentException("--class-weights: " + parts.length + " weights given for " + classes
                    + " classes; give one per class or auto");
        }
        double[] weights = new double[classes];
        for (int k = 0; k < classes; k++) {
            try {
                weights[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new DescentException("--class-weights: '" + parts[k].trim() + "' (class " + k
                        + ") is not a number; give one weight per class or auto");
            }
            if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
                throw new DescentException("--class-weights: the weight of class " + k + " must be >= 0 and finite, got "
                        + parts[k].trim());
            }
        }
        return weights;
    }
}
