package org.descent.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species and tile of this run, as constants the JIT folds: {@value VectorWidth#PROPERTY}
 * if set, else the platform's preferred width (above 512 bits, 512); the tile also follows the
 * register file that the preferred width implies ({@link VectorWidth#registers}). {@link KernelProvider} has
 * checked the property before this class loads.
 */
final class VectorTiles {
    static final CacheSizes CACHES = CacheSizes.read();
    static final int PREFERRED_BITS = FloatVector.SPECIES_PREFERRED.vectorBitSize();
    static final VectorWidth WIDTH = VectorWidth.of(
            VectorWidth.requested().orElse(Math.max(128, Math.min(512, PREFERRED_BITS))), VectorWidth.registers(PREFERRED_BITS),
            CACHES);
    static final VectorSpecies<Float> SPECIES = VectorSpecies.of(float.class, VectorShape.forBitSize(WIDTH.bits()));
    static final int LANES = SPECIES.length();
    /** Rows of the register tile. */
    static final int MR = WIDTH.rows();
    /** Columns of the register tile. */
    static final int NR = WIDTH.columns();

    private VectorTiles() {
    }
}
