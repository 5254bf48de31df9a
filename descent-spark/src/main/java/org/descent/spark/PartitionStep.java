package org.descent.spark;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.descent.DescentException;
import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.nn.MaskStream;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * The work of one partition in one step, run on an executor: load the broadcast weights into a
 * cached network, take the rows of the step's batch that this partition holds, and return the
 * float32 gradient of the mean loss over them from Descent's own {@code backward()}, with their
 * count B<sub>p</sub> (the driver forms the sum {@code Σ_{n ∈ batch ∩ partition} ∇div(f(x_n; W), d_n)})
 * and the buffers the forward pass updated (running statistics), which the driver averages.
 */
final class PartitionStep implements Function2<Integer, Iterator<PartitionShard>, Iterator<PartitionGradient>> {
    private static final long serialVersionUID = 1L;

    private final String specJson;
    private final LossFactory loss;
    private final long[] firstSample;
    private final Broadcast<StepInput> input;

    /** @param firstSample the global index of the first sample of each partition */
    PartitionStep(String specJson, LossFactory loss, long[] firstSample, Broadcast<StepInput> input) {
        this.specJson = specJson;
        this.loss = loss;
        this.firstSample = firstSample;
        this.input = input;
    }

    @Override
    public Iterator<PartitionGradient> call(Integer partition, Iterator<PartitionShard> shards) {
        PartitionShard shard = shards.next();
        StepInput step = input.value();
        int[] rows = shard.rowsOf(step.batch(), firstSample[partition]);
        if (rows.length == 0) {
            return List.of(PartitionGradient.none(partition)).iterator();
        }
        Module network = ExecutorModels.borrow(specJson);
        try {
            return List.of(gradient(partition, network, shard, rows, step)).iterator();
        } finally {
            ExecutorModels.giveBack(specJson, network);
        }
    }

    private PartitionGradient gradient(int partition, Module network, PartitionShard shard, int[] rows,
                                       StepInput step) {
        Weights.load(step.weights(), network, "the state broadcast for step " + step.step());
        network.train();
        network.zeroGrad();
        Tensor value;
        try (MaskStream scope = MaskStream.enter(partition)) {   // partitions hold the same dropout state
            value = loss.get().compute(network.forward(shard.features(rows)), shard.targets(rows));
        }
        value.backward();
        double lossValue = value.item();
        List<Parameter> parameters = network.parameters();
        float[][] means = new float[parameters.size()][];
        for (int i = 0; i < means.length; i++) {
            Tensor grad = parameters.get(i).grad();
            if (grad != null) {
                if (grad.floatData() == null) {
                    throw new DescentException("parameter " + i + " is " + grad.dtype() + "; SparkTrainer sends float32 gradients");
                }
                means[i] = grad.floatData().clone();   // the parameter reuses its gradient storage next step
            }
        }
        return new PartitionGradient(partition, rows.length, lossValue * rows.length, means, buffers(network));
    }

    private static byte[] buffers(Module network) {
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        network.namedBuffers().forEach((name, buffer) -> buffers.put(name, buffer.value()));
        return buffers.isEmpty() ? null : Safetensors.encode(new SafetensorsContent(buffers));
    }
}
