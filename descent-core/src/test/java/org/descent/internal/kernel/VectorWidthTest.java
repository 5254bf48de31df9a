package org.descent.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import org.descent.DescentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorWidthTest {

    /** The run's width is the forced one when the build forces one (the per-width Surefire executions). */
    @Test
    void theForcedWidthIsTheOneInUse() {
        OptionalInt forced = VectorWidth.requested();
        int bits = forced.orElse(Math.max(128, Math.min(512, VectorTiles.PREFERRED_BITS)));
        assertEquals(bits, VectorTiles.WIDTH.bits());
        assertEquals(bits, VectorMicroKernel.SPECIES.vectorBitSize());
        assertEquals(bits / 32, VectorTiles.LANES);
        String name = KernelProvider.create(true).name();
        assertTrue(name.contains(bits + "-bit") && name.contains("tile " + VectorTiles.MR + "×" + VectorTiles.NR), name);
    }

    @Test
    void theTableFitsTheRegisterFilesAndEveryTileHasAGeneratedKernel() {
        CacheSizes[] machines = {new CacheSizes(48 << 10, 2 << 20, "test"), new CacheSizes(32 << 10, 512 << 10, "test"),
            new CacheSizes(32 << 10, 256 << 10, "test"), new CacheSizes(64 << 10, 64 << 20, "test"),
            new CacheSizes(1, 1, "test")};
        for (int bits : new int[] {128, 256, 512}) {
            for (CacheSizes caches : machines) {
                for (int file : new int[] {16, 32}) {
                    if (bits == 512 && file == 16) {
                        continue;   // 512-bit vectors come with AVX-512's 32 registers
                    }
                    VectorWidth w = VectorWidth.of(bits, file, caches); // the compact constructor checks the tile multiples
                    assertEquals(256, w.kc(), "kc sets the rounding: the same on every machine");
                    int registers = w.rows() * w.vectors() + w.vectors() + 1;
                    assertTrue(registers <= file, bits + " bits, " + file + " registers: " + registers + " live vectors");
                    assertTrue(Arrays.stream(VectorMicroKernel.TILES).anyMatch(t -> t[0] == w.rows() && t[1] == w.vectors()),
                            "no generated micro-kernel for " + w.describe());
                }
            }
        }
        VectorWidth avx512 = VectorWidth.of(512, 32, new CacheSizes(48 << 10, 2 << 20, "test"));
        assertEquals("512-bit, 16 float lanes, tile 8×32, kc 256, mc 256, nc 512", avx512.describe());
        assertEquals(64, avx512.smallMc());
        assertEquals(128, avx512.smallNc());
        assertEquals(128, avx512.smallBatchMaxRows());
        assertEquals(64, avx512.directMaxRows());
        assertEquals(1L << 25, avx512.parallelThreshold());
        assertEquals(1, avx512.rowProductMaxRows());
        VectorWidth avx2 = VectorWidth.of(256, 16, new CacheSizes(32 << 10, 512 << 10, "test"));
        assertEquals("256-bit, 8 float lanes, tile 6×16, kc 256, mc 60, nc 128", avx2.describe());
        VectorWidth narrowedAvx512 = VectorWidth.of(256, 32, new CacheSizes(48 << 10, 2 << 20, "test"));
        assertEquals("256-bit, 8 float lanes, tile 8×16, kc 256, mc 256, nc 512", narrowedAvx512.describe());
        assertTrue(VectorWidth.of(128, 32, new CacheSizes(48 << 10, 2 << 20, "test")).describe()
                .startsWith("128-bit, 4 float lanes, tile 6×8,"), "NEON's 32 registers: an 8-row tile is unmeasured at 128 bits");
    }

    @Test
    void theRegisterCountComesFromUseAvxOrTheArchitecture() {
        assertEquals(32, VectorWidth.registers("amd64", OptionalInt.of(3), 256), "AVX-512 narrowed to 256 bits");
        assertEquals(16, VectorWidth.registers("amd64", OptionalInt.of(2), 256), "AVX2, or -XX:UseAVX=2");
        assertEquals(16, VectorWidth.registers("amd64", OptionalInt.of(1), 128), "AVX");
        assertEquals(32, VectorWidth.registers("aarch64", OptionalInt.empty(), 128), "NEON");
        assertEquals(32, VectorWidth.registers("amd64", OptionalInt.empty(), 512), "no flag: from the width");
        assertEquals(16, VectorWidth.registers("amd64", OptionalInt.empty(), 256), "no flag: the cautious guess");
    }

    @Test
    void aBadPropertyIsOneClearLine() {
        assertEquals(OptionalInt.empty(), VectorWidth.parse(null));
        assertEquals(OptionalInt.empty(), VectorWidth.parse(" "));
        assertEquals(OptionalInt.of(256), VectorWidth.parse("256"));
        for (String bad : new String[] {"300", "avx2", "1024", "-128", "256bits"}) {
            DescentException e = assertThrows(DescentException.class, () -> VectorWidth.parse(bad));
            assertEquals("descent.vectorBits must be 128, 256 or 512 (bits of a vector), got '" + bad + "'", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new VectorWidth(512, 7, 2, 256, 256, 512, 64, 128, 1, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new VectorWidth(384, 8, 2, 256, 256, 512, 64, 128, 1, 4, 1, 1));
    }

    @Test
    void cacheSizesComeFromSysfsWithDefaultsForWhatIsMissing(@TempDir Path dir) throws IOException {
        cache(dir, 0, "1", "Data", "32K");
        cache(dir, 1, "1", "Instruction", "64K");
        cache(dir, 2, "2", "Unified", "1M");
        assertEquals(new CacheSizes(32 << 10, 1 << 20, "sysfs"), CacheSizes.read(dir));
        Files.writeString(dir.resolve("index2/size"), "garbage");
        assertEquals(new CacheSizes(32 << 10, CacheSizes.DEFAULT_L2, "sysfs and defaults"), CacheSizes.read(dir));
        assertEquals(new CacheSizes(CacheSizes.DEFAULT_L1_DATA, CacheSizes.DEFAULT_L2, "defaults"),
                CacheSizes.read(dir.resolve("absent")));
        assertEquals(2048L << 10, CacheSizes.parseSize("2048K"));
        assertEquals(12345L, CacheSizes.parseSize("12345"));
        assertThrows(NumberFormatException.class, () -> CacheSizes.parseSize("0K"));
    }

    private static void cache(Path dir, int index, String level, String type, String size) throws IOException {
        Path d = Files.createDirectories(dir.resolve("index" + index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
    }
}
