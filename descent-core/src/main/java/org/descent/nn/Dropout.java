package org.descent.nn;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.tensor.DType;
import org.descent.tensor.GradMode;
import org.descent.tensor.Workspace;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout(p)}: in training each element is zeroed with
 * probability p and the others are scaled by 1/(1 − p), {@code y = x ⊙ m / (1 − p)} with
 * m ~ Bernoulli(1 − p), so the expected output is the input; in evaluation it is the identity.
 * The gradient is {@code dL/dx = g ⊙ m / (1 − p)}.
 *
 * <p>The mask is a counter-based hash, not a stream: element i of the t-th training call keeps its
 * value iff {@code mix(mix(seed, t), i) ≥ p · 2⁵³}, so it depends only on the seed, the call and the
 * position, never on the number of threads; a {@link MaskStream} other than 0 (a data-parallel
 * trainer opens one per partition) mixes its number into the key. The seed and the call count t
 * are the buffer {@code rng} (seed low 16 bits, seed high 16 bits, t mod 2²⁴, t / 2²⁴: whole numbers exact in
 * float32), saved in model files and checkpoints, so a resumed run draws the same masks as an
 * uninterrupted one. The seed comes from the network's random generator when built.
 *
 * <p>Shape: input (N, C) (any shape), output the same; buffer rng (4).
 */
public final class Dropout extends Module {
    /** {@code {"kind": "dropout", "p": 0.2}}. */
    static final LayerType<Dropout> TYPE = new LayerType<>("dropout", Dropout.class, List.of("p"),
            (args, in, random) -> new Dropout(args.number("p", 0.5), random),
            layer -> LayerArguments.of("p", layer.p),
            (args, in) -> {
                check(args.number("p", 0.5));
                return LayerLayout.of(in, "rng", Shape.of(4));
            });

    private static final double TWO_TO_53 = 0x1p53;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MASK = 0;
    private static final int OUTPUT_GRADIENT = 1;
    private final double p;
    private final Buffer rng;
    /** The mask and the gradient at the output, reused from step to step while free. */
    private final Workspace workspace = FastNode.workspace("Dropout", 2);

    /** Dropout with probability {@code p}, its seed drawn from {@code random}. */
    public Dropout(double p, Random random) {
        this(p, random.nextInt());
    }

    public Dropout(double p, int seed) {
        check(p);
        this.p = p;
        this.rng = addBuffer("rng", Tensor.of(new float[] {seed & 0xFFFF, (seed >>> 16) & 0xFFFF, 0, 0}, 4));
    }

    private static void check(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new DescentException("Dropout: p must be in [0, 1), got " + p);
        }
    }

    public double p() {
        return p;
    }

    public Buffer rng() {
        return rng;
    }

    /** The number of training calls so far (the next mask's t). */
    public long calls() {
        Tensor s = rng.value();
        return (long) s.get(2) + ((long) s.get(3) << 24);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        Tensor state = rng.value();
        long seed = ((long) state.get(0) & 0xFFFF) | (((long) state.get(1) & 0xFFFF) << 16);
        long call = calls();
        long next = call + 1;
        // A new value rather than an update in place: a loaded state may share its storage.
        Tensor advanced = state.copy(state.dtype());
        advanced.set(2, next & 0xFFFFFF);
        advanced.set(3, next >>> 24);
        rng.set(advanced, "rng");
        // Only a pass that records a graph reuses the mask's storage (given back by its backward pass).
        boolean records = GradMode.enabled() && x.requiresGrad() && x.shape().rank() == 2;
        Workspace.Lease lease = records ? workspace.take() : Workspace.Lease.NONE;
        Tensor mask = records ? lease.tensor(MASK, x.dtype(), x.shape().dim(0), x.shape().dim(1))
                : Tensor.zeros(x.dtype(), x.shape().dims());
        Tensor y = Tensor.zeros(x.dtype(), x.shape().dims());
        draw(seed, call, x, mask, y);
        return FastNode.record(y, "dropout", () -> x.mul(mask), (g, storage) -> {
            if (!x.requiresGrad()) {
                return new Tensor[] {null};
            }
            Tensor dX = storage.of(0);   // storage the producer of x lends, if any: every element is written
            multiply(g, mask, dX);
            return new Tensor[] {dX};
        }, lease, OUTPUT_GRADIENT, x);
    }

    /** The {@code call}-th training pass: mask = 0 or 1/(1 − p) per element, and y = x ⊙ mask, in one pass. */
    private void draw(long seed, long call, Tensor x, Tensor mask, Tensor y) {
        long key = mix(mix(seed * GOLDEN) + call);
        long stream = MaskStream.current();
        if (stream != 0) {
            key = mix(key + mix(stream * GOLDEN));
        }
        long threshold = (long) (p * TWO_TO_53);
        double scale = 1.0 / (1.0 - p);
        float[] xf = x.floatData();
        if (xf != null) {
            float[] mf = mask.floatData();
            float[] yf = y.floatData();
            int sBits = Float.floatToRawIntBits((float) scale);
            for (int i = 0; i < xf.length; i++) {
                // without a branch (a dropped element is a coin toss): all ones iff u < threshold
                int drop = (int) (((mix(key + i * GOLDEN) >>> 11) - threshold) >> 63);
                float m = Float.intBitsToFloat(sBits & ~drop);
                mf[i] = m;
                yf[i] = xf[i] * m;
            }
            return;
        }
        double[] xd = x.doubleData();
        double[] md = mask.doubleData();
        double[] yd = y.doubleData();
        for (int i = 0; i < xd.length; i++) {
            double m = (mix(key + i * GOLDEN) >>> 11) >= threshold ? scale : 0.0;
            md[i] = m;
            yd[i] = xd[i] * m;
        }
    }

    private static void multiply(Tensor a, Tensor mask, Tensor out) {
        float[] af = a.floatData();
        if (af != null) {
            float[] mf = mask.floatData();
            float[] of = out.floatData();
            for (int i = 0; i < af.length; i++) {
                of[i] = af[i] * mf[i];
            }
        } else {
            double[] ad = a.doubleData();
            double[] md = mask.doubleData();
            double[] od = out.doubleData();
            for (int i = 0; i < ad.length; i++) {
                od[i] = ad[i] * md[i];
            }
        }
    }

    /** SplitMix64's finalizer (Stafford's mix 13): a bijection of 64 bits with good avalanche. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    protected String describe() {
        return "Dropout(p=" + p + ")";
    }
}
