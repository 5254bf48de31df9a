package org.descent.optim;

import java.lang.System.Logger.Level;

/**
 * The element loops an optimizer runs over every parameter on every step, for float32 weights
 * (for now Adam's update). Chosen once, as the tensor kernels are: the Vector API loops when the
 * JVM runs with {@code --add-modules jdk.incubator.vector}, the scalar loops otherwise. Both give
 * the same results to the last bit.
 */
abstract class StepLoops {
    static final StepLoops ACTIVE = create(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());

    /**
     * Adam's update of float32 weights {@code w} from float32 gradients {@code g}, with the
     * float64 moments {@code m} and {@code v}, all of the same length; per element, in float64:
     *
     * <pre>
     *   g' = g + λ w
     *   m ← β1 m + (1 − β1) g'
     *   v ← β2 v + (1 − β2) g' g'
     *   w ← (float) (w − s m / (√v / c + ε))      s = η / (1 − β1ᵗ), c = √(1 − β2ᵗ)
     * </pre>
     */
    abstract void adam(float[] w, float[] g, double[] m, double[] v, AdamCoefficients c);

    /** The Vector API loops if {@code useVectorModule} and they load, else the scalar ones. */
    static StepLoops create(boolean useVectorModule) {
        if (!useVectorModule) {
            return ScalarStepLoops.INSTANCE;
        }
        try {
            // By name, so that the Vector API classes are never linked when the module is absent.
            Class<?> type = Class.forName("org.descent.optim.VectorStepLoops");
            return (StepLoops) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger(StepLoops.class.getName()).log(Level.WARNING,
                    "Descent: Vector API optimizer loops failed to load (" + e + "); using scalar loops");
            return ScalarStepLoops.INSTANCE;
        }
    }

    /** The scalar Adam update of elements {@code from..to−1}: the reference, and the vector loops' tail. */
    static void adamScalar(float[] w, float[] g, double[] m, double[] v, AdamCoefficients c, int from, int to) {
        double beta1 = c.beta1();
        double beta2 = c.beta2();
        double lambda = c.weightDecay();
        double stepSize = c.stepSize();
        double secondCorrection = c.secondCorrection();
        double epsilon = c.epsilon();
        for (int j = from; j < to; j++) {
            double weight = w[j];
            double gradient = g[j] + lambda * weight;
            m[j] = beta1 * m[j] + (1 - beta1) * gradient;
            v[j] = beta2 * v[j] + (1 - beta2) * gradient * gradient;
            w[j] = (float) (weight - stepSize * m[j] / (Math.sqrt(v[j]) / secondCorrection + epsilon));
        }
    }
}
