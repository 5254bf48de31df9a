package org.descent.train;

import java.util.ArrayList;
import java.util.List;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * Stops when the validation loss has not improved for {@code patience} epochs and puts back
 * the weights of the best epoch, like Keras' {@code EarlyStopping(restore_best_weights=True)}.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private List<Tensor> bestWeights;

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
            bestWeights = new ArrayList<>();
            for (Parameter p : trainer.model().parameters()) {
                bestWeights.add(p.value().copy(p.value().dtype()));
            }
        } else if (epoch.epoch() - bestEpoch >= patience) {
            trainer.stop(String.format("early stopping: validation loss has not improved for %d epochs"
                    + " (best %.5f at epoch %d, weights restored)", patience, best, bestEpoch));
        }
    }

    @Override
    public void onEnd(Trainer trainer, History history) {
        if (bestWeights != null && history.last().epoch() != bestEpoch) {
            List<Parameter> parameters = trainer.model().parameters();
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).value().copyFromInPlace(bestWeights.get(i));
            }
        }
    }
}
