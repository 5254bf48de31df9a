package org.descent.tensor;

import java.util.Arrays;
import org.descent.Sizes;

/** The dimensions of a tensor, outermost first. A scalar has no dimensions. */
public final class Shape {
    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        this.size = size(dims);
    }

    /** The element count; the fast path builds no message (a shape is made on every step). */
    private static int size(int[] dims) {
        long product = 1;
        for (int d : dims) {
            if (d < 0 || product > Sizes.MAX_ELEMENTS) {
                return checkedSize(dims);
            }
            product *= d;   // at most 2^31 · 2^31: no overflow
        }
        return product <= Sizes.MAX_ELEMENTS ? (int) product : checkedSize(dims);
    }

    /** The element count of a shape the fast path refused, or the error that names it. */
    private static int checkedSize(int[] dims) {
        long[] sizes = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new ShapeException("dimensions must be non-negative, got " + Arrays.toString(dims));
            }
            sizes[i] = dims[i];
        }
        long product = Sizes.product("shape " + Arrays.toString(dims), sizes);
        if (product > Sizes.MAX_ELEMENTS) {
            throw new ShapeException("shape " + Arrays.toString(dims) + " has " + product
                    + " elements, more than one tensor holds (" + Sizes.MAX_ELEMENTS + ")");
        }
        return (int) product;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public static Shape scalar() {
        return new Shape(new int[0]);
    }

    public int rank() {
        return dims.length;
    }

    /** Size of dimension {@code axis}; a negative axis counts from the end. */
    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** The number of elements, at most {@link Sizes#MAX_ELEMENTS} (checked when the shape is made). */
    public int size() {
        return size;
    }

    /** Maps a possibly negative axis to {@code 0..rank-1}. */
    public int normalizeAxis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new ShapeException("axis " + axis + " is out of range for shape " + this);
        }
        return a;
    }

    /** The same shape with dimension {@code axis} replaced by {@code size} (or removed if size &lt; 0). */
    public Shape withDim(int axis, int size) {
        int a = normalizeAxis(axis);
        if (size >= 0) {
            int[] d = dims.clone();
            d[a] = size;
            return new Shape(d);
        }
        int[] d = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != a) {
                d[j++] = dims[i];
            }
        }
        return new Shape(d);
    }

    /** Row-major strides, in elements. */
    int[] strides() {
        int[] s = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= dims[i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Written like PyTorch's sizes: {@code [64, 784]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
