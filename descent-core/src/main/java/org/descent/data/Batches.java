package org.descent.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.descent.DescentException;

/**
 * Mini-batches for each epoch: the samples in a fresh random order for (seed, epoch), cut into
 * ⌈N / B⌉ batches of B samples (the last one smaller if B does not divide N), so every sample is
 * used exactly once per epoch. The same (seed, epoch) gives the same batches on every run.
 *
 * <p>Batch size 0 means full batch, as in the lecture's gradient descent: one batch holding
 * the whole dataset, in its order, without copying. A batch size above N gives one shuffled
 * batch of N.
 */
public final class Batches {
    private final Dataset data;
    private final int batchSize;
    private final long seed;

    /** @param batchSize samples per batch B ≥ 1, or 0 for full batch */
    public Batches(Dataset data, int batchSize, long seed) {
        if (batchSize < 0) {
            throw new DescentException("batch size must be positive, or 0 for full batch, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public boolean fullBatch() {
        return batchSize == 0;
    }

    /** Samples per batch (the last batch of an epoch may hold fewer). */
    public int batchSize() {
        return fullBatch() ? data.size() : Math.min(batchSize, data.size());
    }

    /** Batches per epoch, ⌈N / B⌉. */
    public int batchCount() {
        int b = batchSize();
        return b == 0 ? 0 : (data.size() + b - 1) / b;
    }

    /** The order in which epoch {@code epoch} visits the samples: a permutation of 0..N−1. */
    public int[] order(int epoch) {
        if (fullBatch()) {
            int[] identity = new int[data.size()];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        return shuffledOrder(data.size(), seed, epoch);
    }

    /**
     * The order in which epoch {@code epoch} of a mini-batch run with {@code seed} visits
     * {@code sampleCount} samples, without the data: what {@link #order(int)} returns for a data
     * set of that size, for trainers that hold the samples elsewhere (on a cluster).
     */
    public static int[] shuffledOrder(int sampleCount, long seed, int epoch) {
        return Shuffle.permutation(sampleCount, Shuffle.random(seed, epoch));
    }

    /** The batches of epoch {@code epoch}, each copied when the iteration reaches it. */
    public Iterable<Batch> epoch(int epoch) {
        return epoch(epoch, false);
    }

    /**
     * As {@link #epoch(int)}, but each batch is copied into the storage of the one before when
     * the sizes agree, so a training loop allocates no new batch per step: a batch is valid only
     * until the next one is taken. For loops that are done with a batch when they ask for the next.
     */
    public Iterable<Batch> epochReusingStorage(int epoch) {
        return epoch(epoch, true);
    }

    private Iterable<Batch> epoch(int epoch, boolean reuse) {
        if (fullBatch()) {
            List<Batch> whole = data.size() == 0 ? List.of()
                    : List.of(new Batch(data.features(), data.targets(), order(epoch)));
            return whole;
        }
        int[] order = order(epoch);
        int b = batchSize();
        return () -> new Iterator<>() {
            private int next;
            private Batch previous;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int[] indices = Arrays.copyOfRange(order, next, Math.min(next + b, order.length));
                next += indices.length;
                if (!reuse || previous == null) {
                    previous = copy(indices);
                    return previous;
                }
                previous = new Batch(Rows.gather(data.features(), indices, previous.features()),
                        Rows.gather(data.targets(), indices, previous.targets()), indices);
                return previous;
            }
        };
    }

    /** The rows {@code indices} copied into fresh float32 tensors: the one place batches are built. */
    public Batch copy(int[] indices) {
        return new Batch(Rows.gather(data.features(), indices), Rows.gather(data.targets(), indices), indices);
    }
}
