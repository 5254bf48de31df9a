package org.descent.train;

/** One optimizer step: where it is (step counted over the whole run from 1) and its figures. */
public record StepResult(long step, int epoch, int batch, int batchesPerEpoch, double loss, double gradientNorm,
                         double learningRate) {
}
