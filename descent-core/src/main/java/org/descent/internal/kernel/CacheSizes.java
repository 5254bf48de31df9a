package org.descent.internal.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-core data cache sizes that {@link VectorWidth} derives its blocking from, read from
 * Linux's {@code /sys/devices/system/cpu/cpu0/cache/index*} ({@code level}, {@code type},
 * {@code size} such as {@code 48K}) where readable; a cache that cannot be read takes the size of
 * the CPU the defaults were tuned on (48 KiB L1d, 2 MiB L2, an Intel Xeon with AVX-512), and
 * {@link #read} says which were read.
 *
 * @param l1Data bytes of level-1 data cache
 * @param l2 bytes of level-2 cache
 * @param source where the sizes came from, for the start-up log line
 */
public record CacheSizes(long l1Data, long l2, String source) {
    static final long DEFAULT_L1_DATA = 48 << 10;
    static final long DEFAULT_L2 = 2 << 20;
    private static final Path SYSFS = Path.of("/sys/devices/system/cpu/cpu0/cache");

    public CacheSizes {
        if (l1Data <= 0 || l2 <= 0) {
            throw new IllegalArgumentException("cache sizes must be positive, got L1d " + l1Data + ", L2 " + l2);
        }
    }

    /** The sizes of this machine, or the defaults for what sysfs does not show. */
    static CacheSizes read() {
        return read(SYSFS);
    }

    static CacheSizes read(Path directory) {
        long l1 = -1;
        long l2 = -1;
        for (int index = 0; index < 8; index++) {
            Path cache = directory.resolve("index" + index);
            try {
                int level = Integer.parseInt(Files.readString(cache.resolve("level")).trim());
                String type = Files.readString(cache.resolve("type")).trim();
                long size = parseSize(Files.readString(cache.resolve("size")).trim());
                if (level == 1 && type.equals("Data")) {
                    l1 = size;
                } else if (level == 2 && !type.equals("Instruction")) {
                    l2 = size;
                }
            } catch (IOException | RuntimeException e) {
                // Absent or unreadable: this index gives nothing.
            }
        }
        String source = l1 > 0 && l2 > 0 ? "sysfs" : l1 > 0 || l2 > 0 ? "sysfs and defaults" : "defaults";
        return new CacheSizes(l1 > 0 ? l1 : DEFAULT_L1_DATA, l2 > 0 ? l2 : DEFAULT_L2, source);
    }

    /** "48K", "2048K", "2M" or a plain number of bytes. */
    static long parseSize(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        long unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : t.endsWith("G") ? 1L << 30 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        long value = Long.parseLong(digits.trim());
        if (value <= 0) {
            throw new NumberFormatException("not a cache size: " + text);
        }
        return value * unit;
    }

    @Override
    public String toString() {
        return "L1d " + (l1Data >> 10) + " KiB, L2 " + (l2 >> 10) + " KiB (" + source + ")";
    }
}
