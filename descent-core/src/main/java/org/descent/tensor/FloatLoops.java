package org.descent.tensor;

import java.util.Arrays;

/**
 * Fast float32 paths for element-wise arithmetic and {@code sumTo} when the broadcast is one of
 * the common patterns (see {@link #pattern}): plain loops over the arrays that the JIT
 * vectorizes, with no index map and no per-element virtual call. They compute exactly what the
 * general path computes (float +, −, ×, ÷ rounded once; sums in the same order).
 */
final class FloatLoops {
    enum Op { ADD, SUB, MUL, DIV }

    /** How {@code in} broadcasts to {@code out}. */
    enum Pattern {
        /** Same shape. */
        SAME,
        /** One element. */
        SCALAR,
        /** {@code in} is the trailing dimensions of {@code out} (a bias row): index {@code i % in.size}. */
        REPEAT,
        /** {@code in} is the leading dimensions of {@code out}, then 1s (a column): index {@code i / (out.size / in.size)}. */
        STRETCH,
        /** Anything else: use the index map. */
        GENERAL
    }

    private FloatLoops() {
    }

    static Pattern pattern(Shape in, Shape out) {
        if (in.equals(out)) {
            return Pattern.SAME;
        }
        if (out.size() == 0) {
            return Pattern.GENERAL;
        }
        if (in.size() == 1) {
            return Pattern.SCALAR;
        }
        int rank = out.rank();
        int[] padded = new int[rank];
        Arrays.fill(padded, 1);
        System.arraycopy(in.dims(), 0, padded, rank - in.rank(), in.rank());
        int firstReal = 0;
        while (padded[firstReal] == 1) {
            firstReal++;
        }
        boolean repeat = true;
        for (int i = firstReal; i < rank; i++) {
            repeat &= padded[i] == out.dim(i);
        }
        if (repeat) {
            return Pattern.REPEAT;
        }
        int lastReal = rank - 1;
        while (padded[lastReal] == 1) {
            lastReal--;
        }
        boolean stretch = true;
        for (int i = 0; i <= lastReal; i++) {
            stretch &= padded[i] == out.dim(i);
        }
        return stretch ? Pattern.STRETCH : Pattern.GENERAL;
    }

    /**
     * {@code out = a op b} when {@code a} has the shape of {@code out} and {@code b} a simple
     * pattern; returns false (doing nothing) otherwise.
     */
    static boolean binary(Op op, float[] a, float[] b, Shape bShape, float[] out, Shape shape) {
        int n = out.length;
        switch (pattern(bShape, shape)) {
            case SAME -> rows(op, a, 0, b, 0, false, out, n);
            case SCALAR -> rows(op, a, 0, b, 0, true, out, n);
            case REPEAT -> {
                int cols = b.length;
                for (int r = 0; r < n; r += cols) {
                    rows(op, a, r, b, 0, false, out, cols);
                }
            }
            case STRETCH -> {
                int inner = n / b.length;
                for (int r = 0; r < b.length; r++) {
                    rows(op, a, r * inner, b, r, true, out, inner);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code out[off+i] = a[off+i] op b[bOff + (scalar ? 0 : i)]} for i in 0..len-1. */
    private static void rows(Op op, float[] a, int off, float[] b, int bOff, boolean scalar, float[] out, int len) {
        int end = off + len;
        if (scalar) {
            float v = b[bOff];
            switch (op) {
                case ADD -> { for (int i = off; i < end; i++) { out[i] = a[i] + v; } }
                case SUB -> { for (int i = off; i < end; i++) { out[i] = a[i] - v; } }
                case MUL -> { for (int i = off; i < end; i++) { out[i] = a[i] * v; } }
                case DIV -> { for (int i = off; i < end; i++) { out[i] = a[i] / v; } }
            }
            return;
        }
        int shift = bOff - off;
        switch (op) {
            case ADD -> { for (int i = off; i < end; i++) { out[i] = a[i] + b[i + shift]; } }
            case SUB -> { for (int i = off; i < end; i++) { out[i] = a[i] - b[i + shift]; } }
            case MUL -> { for (int i = off; i < end; i++) { out[i] = a[i] * b[i + shift]; } }
            case DIV -> { for (int i = off; i < end; i++) { out[i] = a[i] / b[i + shift]; } }
        }
    }

    /** {@code out = Σ of x over the broadcast dimensions}, for REPEAT and STRETCH; false otherwise. */
    static boolean sumTo(float[] x, Shape xShape, float[] out, Shape target) {
        Pattern p = pattern(target, xShape);
        if (p == Pattern.REPEAT) {
            int cols = out.length;
            for (int r = 0; r < x.length; r += cols) {
                for (int j = 0; j < cols; j++) {
                    out[j] += x[r + j];
                }
            }
            return true;
        }
        if (p == Pattern.STRETCH) {
            int inner = x.length / out.length;
            for (int r = 0; r < out.length; r++) {
                float s = 0f;
                for (int j = r * inner; j < (r + 1) * inner; j++) {
                    s += x[j];
                }
                out[r] = s;
            }
            return true;
        }
        return false;
    }
}
