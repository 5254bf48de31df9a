package org.descent.tensor;

/** Operations that move values without computing: reshape, transpose, broadcast, slice, concat. */
final class Reshaping {
    private Reshaping() {
    }

    static Tensor reshape(Tensor x, Shape target) {
        if (target.size() != x.size()) {
            throw new ShapeException("reshape: cannot view shape " + x.shape() + " (" + x.size()
                    + " elements) as " + target + " (" + target.size() + " elements)");
        }
        if (target.equals(x.shape())) {
            return x;
        }
        Tensor out = new Tensor(target, x.floatData(), x.doubleData());
        return out.recordedFrom("reshape", g -> new Tensor[] {g.reshape(x.shape().dims())}, x);
    }

    static Tensor transpose(Tensor x) {
        if (x.shape().rank() != 2) {
            throw new ShapeException("transpose needs a 2-D tensor, got shape " + x.shape());
        }
        int rows = x.shape().dim(0);
        int cols = x.shape().dim(1);
        Tensor out = x.blank(Shape.of(cols, rows));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(j * rows + i, x.get(i * cols + j));
            }
        }
        return out.recordedFrom("transpose", g -> new Tensor[] {g.transpose()}, x);
    }

    static Tensor expand(Tensor x, Shape target) {
        if (target.equals(x.shape())) {
            return x;
        }
        if (!Broadcast.broadcastable(x.shape(), target)) {
            throw new ShapeException("expand: shape " + x.shape() + " cannot be broadcast to " + target);
        }
        int[] map = Broadcast.indexMap(x.shape(), target);
        Tensor out = x.blank(target);
        for (int i = 0; i < map.length; i++) {
            out.set(i, x.get(map[i]));
        }
        return out.recordedFrom("expand", g -> new Tensor[] {g.sumTo(x.shape())}, x);
    }

    static Tensor sumTo(Tensor x, Shape target) {
        if (target.equals(x.shape())) {
            return x;
        }
        if (!Broadcast.broadcastable(target, x.shape())) {
            throw new ShapeException("sumTo: shape " + x.shape() + " cannot be reduced to " + target);
        }
        Tensor out = x.blank(target);
        if (x.floatData() == null || !FloatLoops.sumTo(x.floatData(), x.shape(), out.floatData(), target)) {
            int[] map = Broadcast.indexMap(target, x.shape());
            for (int i = 0; i < map.length; i++) {
                out.set(map[i], out.get(map[i]) + x.get(i));
            }
        }
        return out.recordedFrom("sumTo", g -> new Tensor[] {g.expand(x.shape())}, x);
    }

    static Tensor slice(Tensor x, int axis, int from, int to) {
        Shape shape = x.shape();
        int a = shape.normalizeAxis(axis);
        int n = shape.dim(a);
        if (from < 0 || to > n || from > to) {
            throw new ShapeException("slice [" + from + ", " + to + ") is out of range for axis " + axis
                    + " of shape " + shape);
        }
        Tensor out = x.blank(shape.withDim(a, to - from));
        copyBlock(x, from, out, 0, to - from, a);
        return out.recordedFrom("slice", g -> new Tensor[] {pad(g, shape, a, from)}, x);
    }

    /** The reverse of slice: {@code part} placed at {@code from} along {@code axis} in zeros of {@code full}. */
    private static Tensor pad(Tensor part, Shape full, int axis, int from) {
        Tensor out = part.blank(full);
        int len = part.shape().dim(axis);
        copyBlock(part, 0, out, from, len, axis);
        return out.recordedFrom("pad", g -> new Tensor[] {g.slice(axis, from, from + len)}, part);
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new ShapeException("concat needs at least one tensor");
        }
        Shape first = parts[0].shape();
        int a = first.normalizeAxis(axis);
        int total = 0;
        for (Tensor p : parts) {
            Ops.requireSameDType("concat", parts[0], p);
            if (p.shape().rank() != first.rank() || !p.shape().withDim(a, 1).equals(first.withDim(a, 1))) {
                throw new ShapeException("concat along axis " + axis + ": shapes " + first + " and " + p.shape()
                        + " differ outside that axis");
            }
            total += p.shape().dim(a);
        }
        Shape shape = first.withDim(a, total);
        Tensor out = parts[0].blank(shape);
        int offset = 0;
        int[] starts = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            starts[i] = offset;
            int len = parts[i].shape().dim(a);
            copyBlock(parts[i], 0, out, offset, len, a);
            offset += len;
        }
        return out.recordedFrom("concat", g -> {
            Tensor[] grads = new Tensor[parts.length];
            for (int i = 0; i < parts.length; i++) {
                grads[i] = g.slice(a, starts[i], starts[i] + parts[i].shape().dim(a));
            }
            return grads;
        }, parts);
    }

    /**
     * Copies {@code len} positions along {@code axis}, from position {@code srcFrom} of
     * {@code src} to position {@code dstFrom} of {@code dst}; the other dimensions agree.
     */
    private static void copyBlock(Tensor src, int srcFrom, Tensor dst, int dstFrom, int len, int axis) {
        Shape shape = src.shape();
        int inner = 1;
        for (int i = axis + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape.dim(i);
        }
        int srcAxis = shape.dim(axis);
        int dstAxis = dst.shape().dim(axis);
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < len; k++) {
                int s = (o * srcAxis + srcFrom + k) * inner;
                int d = (o * dstAxis + dstFrom + k) * inner;
                for (int j = 0; j < inner; j++) {
                    dst.set(d + j, src.get(s + j));
                }
            }
        }
    }
}
