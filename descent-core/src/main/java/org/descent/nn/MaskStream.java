package org.descent.nn;

/**
 * Which stream of dropout masks the calling thread draws: stream 0 by default, another one while a
 * scope is open. A data-parallel trainer opens one per partition: its partitions hold the same
 * dropout state (seed and call count), and without their own streams they would drop the same
 * positions of their rows. Stream 0 draws exactly what {@link Dropout} always drew.
 * <pre>{@code
 * try (MaskStream scope = MaskStream.enter(partition)) {
 *     network.forward(rows);
 * }
 * }</pre>
 */
public final class MaskStream implements AutoCloseable {
    private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[1]);
    private final long previous;
    private boolean closed;

    private MaskStream(long stream) {
        long[] current = CURRENT.get();
        previous = current[0];
        current[0] = stream;
    }

    /** Draws from {@code stream} on this thread until closed (scopes nest). */
    public static MaskStream enter(long stream) {
        return new MaskStream(stream);
    }

    /** The stream this thread draws from now. */
    static long current() {
        return CURRENT.get()[0];
    }

    /** Back to the stream before this scope; closing twice closes once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            CURRENT.get()[0] = previous;
        }
    }
}
