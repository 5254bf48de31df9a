package org.descent.spark;

import org.descent.train.EpochPass;
import org.descent.train.Trainer;

/** An {@link EpochPass} from its figures and its training half, for both trainers' Spark epochs. */
final class Passes {
    /** The training half: {@link EpochPass#train}. */
    interface Train {
        EpochPass.Result train(Trainer driver, int epoch, long stepsBefore);
    }

    private Passes() {
    }

    static EpochPass of(int samples, int stepsPerEpoch, Train train) {
        return new EpochPass() {
            @Override
            public int samples() {
                return samples;
            }

            @Override
            public int stepsPerEpoch() {
                return stepsPerEpoch;
            }

            @Override
            public EpochPass.Result train(Trainer driver, int epoch, long stepsBefore) {
                return train.train(driver, epoch, stepsBefore);
            }
        };
    }
}
