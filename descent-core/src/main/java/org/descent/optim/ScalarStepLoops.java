package org.descent.optim;

/** {@link StepLoops} as plain Java loops, for JVMs without the Vector API module. */
final class ScalarStepLoops extends StepLoops {
    static final ScalarStepLoops INSTANCE = new ScalarStepLoops();

    private ScalarStepLoops() {
    }

    @Override
    void adam(float[] w, float[] g, double[] m, double[] v, AdamCoefficients c) {
        adamScalar(w, g, m, v, c, 0, w.length);
    }
}
