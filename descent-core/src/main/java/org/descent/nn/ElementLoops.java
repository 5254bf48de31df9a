package org.descent.nn;

import java.util.Arrays;
import org.descent.internal.kernel.Kernels;
import org.descent.tensor.Tensor;

/**
 * The element-wise passes of {@link FusedLinear}: float32 through the element-wise
 * {@link Kernels} (the same calls the float32 tensor operations make, so fused and unfused
 * results agree bit for bit), float64 as plain loops for gradient checks.
 */
final class ElementLoops {
    private ElementLoops() {
    }

    /** {@code z[n, j] += b[j]}, then {@code a = act(z)} (a may be z itself for the identity). */
    static void biasActivation(Tensor z, Tensor b, Tensor a, FusedLinear.Activation act) {
        int cols = b.size();
        float[] zf = z.floatData();
        if (zf != null) {
            Kernels kernels = Kernels.active();
            float[] af = a.floatData();
            int n = zf.length;
            kernels.addBias(zf, b.floatData(), cols == 0 ? 0 : n / cols, cols);
            switch (act) {
                case IDENTITY -> {
                    if (af != zf) {
                        System.arraycopy(zf, 0, af, 0, n);
                    }
                }
                case RELU -> kernels.relu(zf, af, n);
                case SIGMOID -> kernels.sigmoid(zf, af, n);
                case TANH -> kernels.tanh(zf, af, n);
            }
            return;
        }
        double[] zd = z.doubleData();
        double[] bd = b.doubleData();
        double[] ad = a.doubleData();
        for (int i = 0; i < zd.length; i++) {
            double v = zd[i] + bd[i % cols];
            zd[i] = v;
            ad[i] = switch (act) {
                case IDENTITY -> v;
                case RELU -> v > 0 ? v : 0.0;
                case SIGMOID -> sigmoid(v);
                case TANH -> Math.tanh(v);
            };
        }
    }

    /**
     * dZ = g ⊙ act'(z): step(z) for ReLU (1 at z ≥ 0), a(1 − a) for σ, 1 − a² for tanh, written
     * into {@code dZ} (the shape and dtype of g), which is returned.
     */
    static Tensor activationGradient(Tensor g, Tensor z, Tensor a, FusedLinear.Activation act, Tensor dZ) {
        float[] gf = g.floatData();
        if (gf != null) {
            float[] df = dZ.floatData();
            float[] zf = z.floatData();
            float[] af = a.floatData();
            Kernels kernels = Kernels.active();
            int n = df.length;
            switch (act) {
                case IDENTITY -> System.arraycopy(gf, 0, df, 0, n);
                case RELU -> kernels.reluGradient(gf, zf, df, n);
                case SIGMOID -> kernels.sigmoidGradient(gf, af, df, n);
                case TANH -> kernels.tanhGradient(gf, af, df, n);
            }
            return dZ;
        }
        double[] gd = g.doubleData();
        double[] zd = z.doubleData();
        double[] ad = a.doubleData();
        double[] dd = dZ.doubleData();
        for (int i = 0; i < dd.length; i++) {
            dd[i] = switch (act) {
                case IDENTITY -> gd[i];
                case RELU -> zd[i] >= 0 ? gd[i] : 0.0;
                case SIGMOID -> gd[i] * (ad[i] * (1 - ad[i]));
                case TANH -> gd[i] * (1 - ad[i] * ad[i]);
            };
        }
        return dZ;
    }

    /** {@code sums[j] = Σ_n x[n, j]}, summed over the rows in order: the bias gradient. */
    static void columnSums(Tensor x, Tensor sums) {
        int cols = x.shape().dim(1);
        float[] xf = x.floatData();
        if (xf != null) {
            Kernels.active().columnSums(xf, sums.floatData(), cols == 0 ? 0 : xf.length / cols, cols);
            return;
        }
        double[] xd = x.doubleData();
        double[] sd = sums.doubleData();
        Arrays.fill(sd, 0.0);
        for (int i = 0; i < xd.length; i++) {
            sd[i % cols] += xd[i];
        }
    }

    /** σ(x) = 1 / (1 + e^−x), on the side that cannot overflow (as {@link Tensor#sigmoid()}). */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
