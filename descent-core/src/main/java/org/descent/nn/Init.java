package org.descent.nn;

import java.util.Random;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * Weight initializers for a weight of shape (out, in), drawn from a seeded {@link Random}.
 * fanIn = in, fanOut = out.
 */
public enum Init {
    /** Glorot/Xavier uniform: U(±√(6 / (fanIn + fanOut))); suits tanh and sigmoid. */
    XAVIER_UNIFORM {
        @Override
        public Tensor weight(Random random, int out, int in) {
            double bound = Math.sqrt(6.0 / (in + out));
            return Tensor.uniform(random, -bound, bound, DType.FLOAT32, out, in);
        }
    },
    /** Glorot/Xavier normal: N(0, 2 / (fanIn + fanOut)). */
    XAVIER_NORMAL {
        @Override
        public Tensor weight(Random random, int out, int in) {
            return Tensor.randn(random, DType.FLOAT32, out, in).mul(Math.sqrt(2.0 / (in + out)));
        }
    },
    /** He/Kaiming uniform: U(±√(6 / fanIn)); suits ReLU. */
    HE_UNIFORM {
        @Override
        public Tensor weight(Random random, int out, int in) {
            double bound = Math.sqrt(6.0 / in);
            return Tensor.uniform(random, -bound, bound, DType.FLOAT32, out, in);
        }
    },
    /** He/Kaiming normal: N(0, 2 / fanIn). */
    HE_NORMAL {
        @Override
        public Tensor weight(Random random, int out, int in) {
            return Tensor.randn(random, DType.FLOAT32, out, in).mul(Math.sqrt(2.0 / in));
        }
    },
    /** U(±0.1). */
    UNIFORM {
        @Override
        public Tensor weight(Random random, int out, int in) {
            return Tensor.uniform(random, -0.1, 0.1, DType.FLOAT32, out, in);
        }
    },
    /** N(0, 0.01²). */
    NORMAL {
        @Override
        public Tensor weight(Random random, int out, int in) {
            return Tensor.randn(random, DType.FLOAT32, out, in).mul(0.01);
        }
    };

    /** A new float32 weight of shape (out, in). */
    public abstract Tensor weight(Random random, int out, int in);
}
