package org.descent.train;

import java.util.ArrayList;
import java.util.List;
import org.descent.DescentException;
import org.descent.data.Batch;
import org.descent.data.Batches;
import org.descent.data.Dataset;
import org.descent.loss.Loss;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.optim.GradientClipping;
import org.descent.optim.Optimizer;

/**
 * Minimizes the empirical risk {@code Loss(W) = 1/T Σ div(f(X_i; W), d_i)} by (mini-batch)
 * gradient descent: for each epoch, for each batch, {@code zeroGrad}, forward, loss,
 * {@code backward}, {@code step}; then a validation pass. Listeners see every step and epoch and
 * may stop the run.
 */
public final class Trainer {
    private final Module model;
    /** The model's parameters, listed once (the holders stay while their values change). */
    private final List<Parameter> parameters;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainingConfig config;
    private final Task task;
    private final ParallelStep gradients;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private String stopRequest;
    private GradientClipping clipping;

    public Trainer(Module model, Loss loss, Optimizer optimizer, Task task, TrainingConfig config) {
        this.model = model;
        this.parameters = model.parameters();
        this.loss = loss;
        this.optimizer = optimizer;
        this.task = task;
        this.config = config;
        this.gradients = new ParallelStep(model, loss, task);
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Clips the gradients of every step before the optimizer sees them (and after the norm
     * ‖∇Loss‖ the step reports is measured); null for none.
     */
    public Trainer clipGradients(GradientClipping value) {
        this.clipping = value;
        return this;
    }

    public Module model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Asks the run to end after the current epoch, for {@code reason}. */
    public void stop(String reason) {
        if (stopRequest == null) {
            stopRequest = reason;
        }
    }

    /** Trains on {@code train}, validating on {@code validation} (may be null) after every epoch. */
    public History fit(Dataset train, Dataset validation) {
        return fit(train, validation, 0);
    }

    /**
     * Continues a run whose first {@code epochsDone} epochs are done (weights and optimizer state
     * restored by {@link Checkpoint#restore}): trains epochs {@code epochsDone + 1 ..} to the end.
     */
    public History fit(Dataset train, Dataset validation, int epochsDone) {
        Batches batches = new Batches(train, config.batchSize(), config.seed());
        return fit(new EpochPass() {
            @Override
            public int samples() {
                return train.size();
            }

            @Override
            public int stepsPerEpoch() {
                return batches.batchCount();
            }

            @Override
            public EpochPass.Result train(Trainer trainer, int epoch, long stepsBefore) {
                return trainBatches(batches, epoch, stepsBefore);
            }
        }, validation, epochsDone);
    }

    /**
     * Runs the epochs {@code epochsDone + 1 ..} with another training pass (e.g. on a cluster): the
     * same listeners, validation after every epoch, history and stop requests as {@link #fit(Dataset, Dataset)}.
     */
    public History fit(EpochPass pass, Dataset validation, int epochsDone) {
        if (epochsDone < 0 || epochsDone > config.epochs()) {
            throw new DescentException("the run has " + config.epochs() + " epochs; cannot continue after epoch "
                    + epochsDone);
        }
        History history = new History();
        listeners.forEach(l -> l.onStart(this, config.epochs(), pass.stepsPerEpoch()));
        long step = (long) epochsDone * pass.stepsPerEpoch();
        for (int epoch = epochsDone + 1; epoch <= config.epochs() && stopRequest == null; epoch++) {
            model.train();
            long start = System.nanoTime();
            EpochPass.Result trained = pass.train(this, epoch, step);
            step += pass.stepsPerEpoch();
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation validated = validation == null ? null : evaluate(validation);
            EpochResult result = new EpochResult(epoch, trained.lossSum() / pass.samples(),
                    validated == null ? Double.NaN : validated.loss(),
                    validated == null ? Double.NaN : validated.accuracy(),
                    trained.gradientNorm(), trained.learningRate(), seconds, pass.samples() / seconds);
            history.add(result);
            listeners.forEach(l -> l.onEpochEnd(this, result));
        }
        if (stopRequest != null) {
            history.stoppedBecause(stopRequest);
        }
        model.eval();
        listeners.forEach(l -> l.onEnd(this, history));
        return history;
    }

    /** Tells the listeners about a step; a training pass calls it once per step, in order. */
    public void reportStep(StepResult result) {
        for (TrainingListener listener : listeners) {
            listener.onStep(this, result);
        }
    }

    /**
     * For a training pass whose step's gradients are in the model's parameters, before the
     * optimizer's step: clips them as {@link #clipGradients} asks (the result keeps the norm from
     * before clipping) and tells the listeners. Spark's synchronous pass calls it, so clipping has
     * one home.
     */
    public StepResult clipAndReport(long step, int epoch, int batch, int batchesPerEpoch, double loss,
                                    double learningRate) {
        return clipAndReport(step, epoch, batch, batchesPerEpoch, loss, learningRate, Double.NaN);
    }

    private StepResult clipAndReport(long step, int epoch, int batch, int batchesPerEpoch, double loss,
                                     double learningRate, double batchAccuracy) {
        StepResult result = clipping == null
                ? new StepResult(step, epoch, batch, batchesPerEpoch, loss, learningRate, parameters)
                : new StepResult(step, epoch, batch, batchesPerEpoch, loss, learningRate, parameters,
                        clipping.apply(parameters));
        result.batchAccuracy = batchAccuracy;
        reportStep(result);
        return result;
    }

    private EpochPass.Result trainBatches(Batches batches, int epoch, long stepsBefore) {
        long step = stepsBefore;
        double lossSum = 0;
        double gradientNorm = Double.NaN;
        double learningRate = Double.NaN;
        int batchIndex = 0;
        for (Batch batch : batches.epochReusingStorage(epoch)) {
            learningRate = optimizer.learningRate();
            optimizer.zeroGrad();
            double lossValue = gradients.lossAndGradients(batch.features(), batch.targets());   // keeps nothing of the output
            StepResult result = clipAndReport(++step, epoch, ++batchIndex, batches.batchCount(), lossValue,
                    learningRate, gradients.batchAccuracy());
            if (batchIndex == batches.batchCount()) {
                gradientNorm = result.gradientNorm();   // the epoch reports its last step's; others only on demand
            }
            optimizer.step();
            lossSum += lossValue * batch.size();
        }
        return new EpochPass.Result(lossSum, gradientNorm, learningRate);
    }

    /** Loss and, for classification, the confusion matrix of the model on {@code data}. */
    public Evaluation evaluate(Dataset data) {
        return Evaluation.of(model, loss, task, data);
    }
}
