package org.descent.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.descent.data.Batches;
import org.descent.data.Dataset;
import org.descent.nn.MaskStream;
import org.descent.nn.Module;
import org.descent.optim.GradientClipping;
import org.descent.optim.Optimizer;
import org.descent.train.History;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;

/**
 * One partition's work in one averaging round, on an executor: load the round's state into a
 * cached network and a new optimizer, and train them with the single-machine {@link Trainer} on
 * this round's rows of the cached shard. The rows: the shard in the order
 * {@code Batches.shuffledOrder(size, seed + partition, epoch)}, cut into rounds of
 * {@code localSteps × batch} rows (the whole shard when {@code localSteps} is 0).
 */
final class LocalRound implements Function2<Integer, Iterator<PartitionShard>, Iterator<PartitionModel>> {
    private static final long serialVersionUID = 1L;

    private final String specJson;
    private final LossFactory loss;
    private final OptimizerFactory optimizer;
    private final int batchSize;
    private final int localSteps;
    private final long seed;
    private final GradientClipping clipping;
    private final Broadcast<RoundInput> input;

    /** @param clipping the local steps' gradient clipping, or null */
    LocalRound(String specJson, LossFactory loss, OptimizerFactory optimizer, int batchSize, int localSteps, long seed,
               GradientClipping clipping, Broadcast<RoundInput> input) {
        this.specJson = specJson;
        this.loss = loss;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.localSteps = localSteps;
        this.seed = seed;
        this.clipping = clipping;
        this.input = input;
    }

    /** The rows of a shard of {@code size} rows that round {@code round} of {@code epoch} trains on. */
    static int[] rows(int size, int partition, int epoch, int round, int batchSize, int localSteps, long seed) {
        int[] order = Batches.shuffledOrder(size, seed + partition, epoch);
        if (localSteps == 0) {
            return round == 0 ? order : new int[0];
        }
        long perRound = (long) localSteps * batchSize;
        long from = Math.min(size, round * perRound);
        return Arrays.copyOfRange(order, (int) from, (int) Math.min(size, from + perRound));
    }

    /** The seed of the local {@code Trainer}'s batch order in a round. */
    static long roundSeed(long seed, int epoch, int round, int partition) {
        return seed * 1_000_003L + epoch * 10_007L + round * 101L + partition;
    }

    @Override
    public Iterator<PartitionModel> call(Integer partition, Iterator<PartitionShard> shards) {
        PartitionShard shard = shards.next();
        RoundInput round = input.value();
        int[] rows = rows(shard.size(), partition, round.epoch(), round.round(), batchSize, localSteps, seed);
        String executor = SparkEnv.get().executorId();
        if (rows.length == 0) {
            return List.of(PartitionModel.none(partition, executor)).iterator();
        }
        Module network = ExecutorModels.borrow(specJson);
        try {
            String source = "the state broadcast for round " + round.round() + " of epoch " + round.epoch();
            network.loadState(StateBytes.decode(round.state(), source), source);
            Optimizer local = optimizer.apply(network.parameters());
            local.loadState(StateBytes.decode(round.optimizerState(), source));
            Dataset data = shard.lend(rows);
            History history;
            try (MaskStream scope = MaskStream.enter(partition)) {   // partitions hold the same dropout state
                history = new Trainer(network, loss.get(), local, Task.REGRESSION,
                        new TrainingConfig(1, batchSize, roundSeed(seed, round.epoch(), round.round(), partition)))
                        .clipGradients(clipping).fit(data, null);
            } finally {
                shard.giveBack(data);
            }
            return List.of(new PartitionModel(partition, executor, rows.length, history.last().trainLoss() * rows.length,
                    StateBytes.encode(network.state()), StateBytes.encode(local.state()))).iterator();
        } finally {
            ExecutorModels.giveBack(specJson, network);
        }
    }
}
