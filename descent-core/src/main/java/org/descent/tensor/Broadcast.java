package org.descent.tensor;

/** NumPy broadcasting: shapes align at the right, a dimension of 1 stretches to any size. */
final class Broadcast {
    private Broadcast() {
    }

    /** The shape both operands broadcast to, or a {@link ShapeException} naming the operation. */
    static Shape result(String op, Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        int[] da = a.dims();
        int[] db = b.dims();
        for (int i = 0; i < rank; i++) {
            int x = dimFromRight(da, rank - 1 - i);
            int y = dimFromRight(db, rank - 1 - i);
            if (x != y && x != 1 && y != 1) {
                throw new ShapeException(op + ": shapes " + a + " and " + b + " cannot be broadcast together");
            }
            out[i] = x == 1 ? y : x;
        }
        return Shape.of(out);
    }

    private static int dimFromRight(int[] dims, int fromRight) {
        int i = dims.length - 1 - fromRight;
        return i >= 0 ? dims[i] : 1;
    }

    /** True if {@code from} broadcasts to {@code to}. */
    static boolean broadcastable(Shape from, Shape to) {
        if (from.rank() > to.rank()) {
            return false;
        }
        int[] f = from.dims();
        int[] t = to.dims();
        for (int i = 0; i < f.length; i++) {
            int fd = f[f.length - 1 - i];
            if (fd != 1 && fd != t[t.length - 1 - i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each flat index of {@code out}, the flat index of the element of {@code in} that
     * broadcasts to it. {@code in} must broadcast to {@code out}.
     */
    static int[] indexMap(Shape in, Shape out) {
        int rank = out.rank();
        int[] outDims = out.dims();
        int[] inStride = new int[rank];
        int[] inDims = in.dims();
        int[] s = in.strides();
        int shift = rank - inDims.length;
        for (int i = 0; i < inDims.length; i++) {
            inStride[i + shift] = inDims[i] == 1 ? 0 : s[i];
        }
        int n = out.size();
        int[] map = new int[n];
        int[] counter = new int[rank];
        int index = 0;
        for (int flat = 0; flat < n; flat++) {
            map[flat] = index;
            for (int axis = rank - 1; axis >= 0; axis--) {
                counter[axis]++;
                index += inStride[axis];
                if (counter[axis] < outDims[axis]) {
                    break;
                }
                index -= inStride[axis] * counter[axis];
                counter[axis] = 0;
            }
        }
        return map;
    }
}
