package org.descent.train;

/**
 * Observes a training run; may stop it with {@link Trainer#stop(String)}. Progress bars,
 * early stopping, divergence checks and stop rules are listeners.
 */
public interface TrainingListener {
    default void onStart(Trainer trainer, int epochs, int batchesPerEpoch) {
    }

    default void onStep(Trainer trainer, StepResult step) {
    }

    default void onEpochEnd(Trainer trainer, EpochResult epoch) {
    }

    default void onEnd(Trainer trainer, History history) {
    }
}
