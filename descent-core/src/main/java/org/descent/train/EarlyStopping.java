package org.descent.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;
import org.descent.tensor.Tensor;

/**
 * Stops when the validation loss has not improved for {@code patience} epochs and puts back
 * the weights of the best epoch, like Keras' {@code EarlyStopping(restore_best_weights=True)}:
 * the whole {@link org.descent.nn.Module#state() state}, so buffers (running statistics) come back
 * with the weights they belong to. Values are copied in place; the parameters stay the same objects.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private Map<String, Tensor> bestState;

    public EarlyStopping(int patience) {
        if (patience < 1) {
            throw new DescentException("patience must be at least 1 epoch, got " + patience);
        }
        this.patience = patience;
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult epoch) {
        if (Double.isNaN(epoch.validationLoss())) {
            throw new DescentException("early stopping needs a validation split; none was given");
        }
        if (epoch.validationLoss() < best) {
            best = epoch.validationLoss();
            bestEpoch = epoch.epoch();
            bestState = new LinkedHashMap<>();
            trainer.model().state().forEach((name, t) -> bestState.put(name, t.copy(t.dtype())));
        } else if (epoch.epoch() - bestEpoch >= patience) {
            trainer.stop(String.format("early stopping: validation loss has not improved for %d epochs"
                    + " (best %.5f at epoch %d, weights restored)", patience, best, bestEpoch));
        }
    }

    @Override
    public void onEnd(Trainer trainer, History history) {
        if (bestState != null && history.last().epoch() != bestEpoch) {
            trainer.model().state().forEach((name, t) -> t.copyFromInPlace(bestState.get(name)));
        }
    }
}
