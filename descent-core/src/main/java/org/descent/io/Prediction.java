package org.descent.io;

import java.util.Arrays;

/**
 * What a {@link Predictor} says about one row of features.
 *
 * @param values        the network's outputs for the row (logits of a classifier, the predicted
 *                      values of a regression)
 * @param probabilities the class probabilities (softmax of the logits; for a binary model with one
 *                      output, {@code [1 − σ(z), σ(z)]}); empty for a regression
 * @param classIndex    the predicted class (the most probable), −1 for a regression
 * @param className     the predicted class's name from the model file, its number if the file names
 *                      no classes, null for a regression
 */
public record Prediction(double[] values, double[] probabilities, int classIndex, String className) {

    public Prediction {
        values = values.clone();
        probabilities = probabilities.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of the predicted class, NaN for a regression. */
    public double confidence() {
        return classIndex < 0 ? Double.NaN : probabilities[classIndex];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && Arrays.equals(values, p.values) && Arrays.equals(probabilities, p.probabilities)
                && classIndex == p.classIndex && java.util.Objects.equals(className, p.className);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(probabilities) + classIndex;
    }

    @Override
    public String toString() {
        return classIndex < 0 ? "Prediction(values=" + Arrays.toString(values) + ")"
                : "Prediction(class=" + classIndex + " '" + className + "', p=" + Arrays.toString(probabilities) + ")";
    }
}
