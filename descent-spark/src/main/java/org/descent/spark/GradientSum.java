package org.descent.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.nn.Buffer;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * The partitions' sums added on the driver in partition order, in float64, so that a step's
 * gradient depends only on how the data are partitioned, never on which task finished first:
 * {@code B = Σ_p B_p}, {@code lossSum = Σ_p lossSum_p}, {@code g_i = Σ_p B_p · meanGradients_p[i]}
 * (each product exact in float64: a float32 times an integer below 2<sup>29</sup>). The buffers
 * the partitions' forward passes updated (batch norm's running statistics) are averaged weighted by
 * B<sub>p</sub> in partition order ({@link ModelAverage#average}): for a running mean,
 * {@code Σ_p B_p ((1−m) r + m μ_p) / B = (1−m) r + m μ} with μ the whole batch's mean, as on one
 * machine; a running variance misses the spread between the partitions' means.
 */
final class GradientSum {
    private final int samples;
    private final double lossSum;
    private final double[][] sums;
    private final List<ModelAverage.Share> buffers;

    private GradientSum(int samples, double lossSum, double[][] sums, List<ModelAverage.Share> buffers) {
        this.samples = samples;
        this.lossSum = lossSum;
        this.sums = sums;
        this.buffers = buffers;
    }

    static GradientSum of(List<PartitionGradient> partitions, int parameterCount) {
        List<PartitionGradient> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparingInt(PartitionGradient::partition));
        int samples = 0;
        double lossSum = 0;
        double[][] sums = new double[parameterCount][];
        List<ModelAverage.Share> buffers = new ArrayList<>();
        for (PartitionGradient part : ordered) {
            if (part.samples() == 0) {
                continue;
            }
            if (part.buffers() != null) {
                buffers.add(new ModelAverage.Share(part.partition(), part.samples(), part.buffers()));
            }
            if (part.meanGradients().length != parameterCount) {
                throw new DescentException("partition " + part.partition() + " returned gradients for "
                        + part.meanGradients().length + " parameters, the driver's network has " + parameterCount);
            }
            samples += part.samples();
            lossSum += part.lossSum();
            for (int i = 0; i < parameterCount; i++) {
                float[] g = part.meanGradients()[i];
                if (g == null) {
                    continue;
                }
                if (sums[i] == null) {
                    sums[i] = new double[g.length];
                }
                for (int j = 0; j < g.length; j++) {
                    sums[i][j] += (double) g[j] * part.samples();
                }
            }
        }
        return new GradientSum(samples, lossSum, sums, buffers);
    }

    /** B, the number of samples whose gradients were added. */
    int samples() {
        return samples;
    }

    /** Σ div_n over the step's samples. */
    double lossSum() {
        return lossSum;
    }

    /**
     * Sets each parameter's gradient to the mean {@code g_i / B}, in the parameter's dtype, as
     * {@code backward()} of the mean loss over the whole batch would have; a parameter no sample's
     * loss depends on keeps no gradient (the optimizer skips it, as on one machine).
     */
    void setMeanGradients(List<Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            parameter.zeroGrad();
            if (sums[i] == null) {
                continue;
            }
            if (sums[i].length != parameter.shape().size()) {
                throw new DescentException("the gradient of parameter " + i + " has " + sums[i].length
                        + " values but the parameter has shape " + parameter.shape());
            }
            parameter.value().accumulateGrad(mean(sums[i], parameter.value().dtype(), parameter.shape().dims()));
        }
    }

    /** Sets {@code network}'s buffers to the partitions' average; a network without buffers is left alone. */
    void setBuffers(Module network, String source) {
        if (buffers.isEmpty()) {
            return;
        }
        Map<String, Buffer> named = network.namedBuffers();
        Map<String, Tensor> averaged = ModelAverage.average(buffers);
        if (!averaged.keySet().equals(named.keySet())) {
            throw new DescentException(source + " has the buffers " + averaged.keySet() + "; the driver's network has "
                    + named.keySet());
        }
        averaged.forEach((name, value) -> named.get(name).set(value, name));
    }

    private Tensor mean(double[] sum, DType dtype, int[] dims) {
        if (dtype == DType.FLOAT64) {
            double[] out = new double[sum.length];
            for (int j = 0; j < sum.length; j++) {
                out[j] = sum[j] / samples;
            }
            return Tensor.of(out, dims);
        }
        float[] out = new float[sum.length];
        for (int j = 0; j < sum.length; j++) {
            out[j] = (float) (sum[j] / samples);
        }
        return Tensor.of(out, dims);
    }
}
