package org.descent;

/**
 * The one rule for sizes that come from outside (a file header, a JSON spec, a command line):
 * they are multiplied in {@code long} with an overflow check, compared with a documented limit
 * and, where they describe data in a file, with the bytes the file can hold, all before anything
 * is allocated. So a small input never makes Descent allocate far more than its own size.
 *
 * <ul>
 *   <li>a tensor holds at most {@link #MAX_ELEMENTS} values (one Java array);</li>
 *   <li>a size product that overflows 64 bits, or exceeds that limit, is refused naming the
 *       sizes;</li>
 *   <li>raw data must be present in full: the file length is checked before the array is made;
 *       gzip data may expand at most {@link #MAX_GZIP_RATIO} times (deflate's limit is about
 *       1032:1), and arrays for it grow only as the data actually arrives.</li>
 * </ul>
 */
public final class Sizes {
    /** The most values one tensor holds: the largest Java array the JVMs in use allocate. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** The most a gzip stream expands: deflate's maximum ratio is about 1032 to 1. */
    public static final long MAX_GZIP_RATIO = 1032;

    private Sizes() {
    }

    /**
     * The product of {@code sizes} (each non-negative), or a {@link DescentException} starting
     * with {@code what} if it overflows 64 bits. A zero anywhere makes the product 0.
     */
    public static long product(String what, long... sizes) {
        long product = 1;
        for (long size : sizes) {
            if (size == 0) {
                return 0;
            }
        }
        for (long size : sizes) {
            try {
                product = Math.multiplyExact(product, size);
            } catch (ArithmeticException e) {
                throw new DescentException(what + ": " + describe(sizes) + " overflows 64 bits");
            }
        }
        return product;
    }

    /** The sum of {@code sizes} (each non-negative), or a {@link DescentException} starting with {@code what} if it overflows 64 bits. */
    public static long sum(String what, long... sizes) {
        long sum = 0;
        for (long size : sizes) {
            try {
                sum = Math.addExact(sum, size);
            } catch (ArithmeticException e) {
                throw new DescentException(what + ": " + describe(sizes).replace(" × ", " + ") + " overflows 64 bits");
            }
        }
        return sum;
    }

    /** {@code count} values as one tensor's element count, refused with {@code what} above {@link #MAX_ELEMENTS}. */
    public static int elements(String what, long count) {
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new DescentException(what + ": " + count + " values, more than one tensor holds ("
                    + MAX_ELEMENTS + ")");
        }
        return (int) count;
    }

    /** The product of {@code sizes} as an element count: {@link #product} then {@link #elements}. */
    public static int elements(String what, long... sizes) {
        long product = product(what, sizes);
        if (product > MAX_ELEMENTS) {
            throw new DescentException(what + ": " + describe(sizes) + " = " + product
                    + " values, more than one tensor holds (" + MAX_ELEMENTS + ")");
        }
        return (int) product;
    }

    /** The first capacity to allocate for {@code total} values arriving from a compressed stream. */
    public static int initialCapacity(int total) {
        return Math.min(total, 1 << 16);
    }

    /** The next capacity after {@code current} on the way to {@code total}: doubling, capped at the total. */
    public static int grow(int current, int total) {
        return (int) Math.min(total, Math.max(16L, 2L * current));
    }

    private static String describe(long... sizes) {
        StringBuilder text = new StringBuilder();
        for (long size : sizes) {
            text.append(text.length() == 0 ? "" : " × ").append(size);
        }
        return text.toString();
    }
}
