package org.descent.optim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StepLoops} with the Vector API: float32 values are widened lane by lane to float64
 * (a float vector of half the width fills a double vector), computed in float64 and narrowed
 * back. Adam uses only correctly rounded lanewise add, multiply, divide and square root, in the
 * scalar loop's order and without fused multiply-add, so it matches {@link ScalarStepLoops} to
 * the last bit.
 *
 * <p>Loaded only by {@link StepLoops#create} after it has checked that the module is present.
 */
final class VectorStepLoops extends StepLoops {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

    /**
     * Elements per call of the inner loop. Short calls get it compiled sooner: HotSpot compiles a
     * method after a few hundred calls, but a loop inside one long call only after tens of
     * thousands of iterations, and until then each Vector API operation runs interpreted,
     * thousands of times slower than compiled. (With one loop over the 200,704 weights of a
     * 784×256 layer, Adam's first steps took about a second longer.)
     */
    private static final int CHUNK = 256;

    @Override
    void adam(float[] w, float[] g, double[] m, double[] v, AdamCoefficients c) {
        int end = DOUBLES.loopBound(w.length);
        for (int from = 0; from < end; from += CHUNK) {
            adam(w, g, m, v, c, from, Math.min(from + CHUNK, end));
        }
        adamScalar(w, g, m, v, c, end, w.length);
    }

    /** Elements {@code from..to−1}, a whole number of vectors. */
    private static void adam(float[] w, float[] g, double[] m, double[] v, AdamCoefficients c, int from, int to) {
        double beta1 = c.beta1();
        double beta2 = c.beta2();
        double lambda = c.weightDecay();
        double stepSize = c.stepSize();
        double secondCorrection = c.secondCorrection();
        double epsilon = c.epsilon();
        for (int j = from; j < to; j += DOUBLES.length()) {
            DoubleVector weight = widen(w, j);
            DoubleVector gradient = widen(g, j).add(weight.mul(lambda));
            DoubleVector first = DoubleVector.fromArray(DOUBLES, m, j).mul(beta1).add(gradient.mul(1 - beta1));
            DoubleVector second = DoubleVector.fromArray(DOUBLES, v, j).mul(beta2)
                    .add(gradient.mul(1 - beta2).mul(gradient));
            first.intoArray(m, j);
            second.intoArray(v, j);
            DoubleVector denominator = second.lanewise(VectorOperators.SQRT).div(secondCorrection).add(epsilon);
            DoubleVector updated = weight.sub(first.mul(stepSize).div(denominator));
            updated.convertShape(VectorOperators.D2F, FLOATS, 0).reinterpretAsFloats().intoArray(w, j);
        }
    }

    /** {@code values[from .. from + lanes − 1]} as float64 lanes (exact). */
    private static DoubleVector widen(float[] values, int from) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, values, from)
                .convertShape(VectorOperators.F2D, DOUBLES, 0);
    }
}
