package org.descent.data;

import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/** Row gathering for datasets and batches: the one place where rows are copied. */
final class Rows {
    private Rows() {
    }

    /**
     * A new float32 tensor [indices.length, d] whose row i is row {@code indices[i]} of the 2-D
     * {@code source}: {@code out[i, j] = source[indices[i], j]}.
     */
    static Tensor gather(Tensor source, int[] indices) {
        return gather(source, indices, null);
    }

    /**
     * As {@link #gather(Tensor, int[])}, written into {@code reuse} (a float32 tensor of the
     * result's shape, from an earlier call) when it fits, else into a new tensor.
     */
    static Tensor gather(Tensor source, int[] indices, Tensor reuse) {
        int rows = source.shape().dim(0);
        int width = source.shape().dim(1);
        int size = Math.multiplyExact(indices.length, width);
        boolean fits = reuse != null && reuse.floatData() != null && reuse.size() == size
                && reuse.shape().dim(0) == indices.length;
        float[] out = fits ? reuse.floatData() : new float[size];
        float[] from = source.floatData();
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= rows) {
                throw new DescentException("row index " + r + " at position " + i + " is outside 0.." + (rows - 1));
            }
            if (from != null) {
                System.arraycopy(from, r * width, out, i * width, width);
            } else {
                for (int j = 0; j < width; j++) {
                    out[i * width + j] = (float) source.get(r * width + j);
                }
            }
        }
        return fits ? reuse : Tensor.of(out, indices.length, width);
    }

    /** {@code tensor} as float32 (itself if it already is). */
    static Tensor float32(Tensor tensor) {
        return tensor.dtype() == DType.FLOAT32 ? tensor : tensor.copy(DType.FLOAT32);
    }
}
