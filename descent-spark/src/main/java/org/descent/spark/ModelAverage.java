package org.descent.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * The partitions' states averaged on the driver, weighted by the samples each trained on:
 * {@code W = Σ_p n_p W_p / Σ_p n_p}, added in partition order in float64 whatever order the
 * results arrive in, so the same partitions give bitwise the same average. The same for the
 * optimizer's state (moments, velocities); a counter (a one-value tensor that is a whole number in
 * every partition, such as the step count) is rounded to the nearest whole number.
 */
final class ModelAverage {
    private final int samples;
    private final double lossSum;
    private final Map<String, Tensor> state;
    private final Map<String, Tensor> optimizerState;

    private ModelAverage(int samples, double lossSum, Map<String, Tensor> state, Map<String, Tensor> optimizerState) {
        this.samples = samples;
        this.lossSum = lossSum;
        this.state = state;
        this.optimizerState = optimizerState;
    }

    static ModelAverage of(List<PartitionModel> partitions) {
        List<PartitionModel> trained = new ArrayList<>();
        for (PartitionModel p : partitions) {
            if (p.samples() > 0) {
                trained.add(p);
            }
        }
        if (trained.isEmpty()) {
            throw new DescentException("no partition had samples to train on in this round");
        }
        trained.sort(Comparator.comparingInt(PartitionModel::partition));
        int samples = 0;
        double lossSum = 0;
        for (PartitionModel p : trained) {
            samples += p.samples();
            lossSum += p.lossSum();
        }
        return new ModelAverage(samples, lossSum, average(shares(trained, PartitionModel::state)),
                average(shares(trained, PartitionModel::optimizerState)));
    }

    private static List<Share> shares(List<PartitionModel> parts, Function<PartitionModel, byte[]> state) {
        return parts.stream().map(p -> new Share(p.partition(), p.samples(), state.apply(p))).toList();
    }

    /** One partition's state ({@link StateBytes}; plain safetensors bytes read the same) and the samples it stands for. */
    record Share(int partition, int samples, byte[] state) {
    }

    /**
     * {@code Σ_p n_p X_p / Σ_p n_p} for every tensor X of the shares' states, in float64 in
     * partition order whatever the list's order, each result in the tensor's dtype; counters are
     * rounded to whole numbers. Shares with no samples are left out; at least one must have some.
     */
    static Map<String, Tensor> average(List<Share> shares) {
        List<Share> parts = new ArrayList<>();
        int samples = 0;
        for (Share share : shares) {
            if (share.samples() > 0) {
                parts.add(share);
                samples += share.samples();
            }
        }
        parts.sort(Comparator.comparingInt(Share::partition));
        List<Map<String, Tensor>> maps = new ArrayList<>();
        for (Share p : parts) {
            maps.add(StateBytes.decode(p.state(), "the state returned by partition " + p.partition()));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> entry : maps.get(0).entrySet()) {
            String name = entry.getKey();
            Tensor first = entry.getValue();
            double[] sum = new double[first.size()];
            boolean counter = first.size() == 1;
            for (int k = 0; k < maps.size(); k++) {
                Tensor t = maps.get(k).get(name);
                if (t == null || t.size() != first.size()) {
                    throw new DescentException("partition " + parts.get(k).partition() + " returned "
                            + (t == null ? "no '" + name + "'" : "'" + name + "' of shape " + t.shape())
                            + "; partition " + parts.get(0).partition() + " returned shape " + first.shape());
                }
                counter &= t.size() == 1 && t.get(0) == Math.rint(t.get(0));
                addTimes(sum, t, parts.get(k).samples());
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] = counter ? Math.rint(sum[j] / samples) : sum[j] / samples;
            }
            out.put(name, first.dtype() == DType.FLOAT64 ? Tensor.of(sum, first.shape().dims())
                    : Tensor.of(toFloat(sum), first.shape().dims()));
        }
        return out;
    }

    /** {@code sum += weight · t}, reading t's own array (no copy: the driver does this for every round). */
    private static void addTimes(double[] sum, Tensor t, double weight) {
        if (t.floatData() != null) {
            float[] values = t.floatData();
            for (int j = 0; j < sum.length; j++) {
                sum[j] += values[j] * weight;
            }
        } else {
            double[] values = t.doubleData();
            for (int j = 0; j < sum.length; j++) {
                sum[j] += values[j] * weight;
            }
        }
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = (float) values[j];
        }
        return out;
    }

    int samples() {
        return samples;
    }

    double lossSum() {
        return lossSum;
    }

    Map<String, Tensor> state() {
        return state;
    }

    Map<String, Tensor> optimizerState() {
        return optimizerState;
    }
}
