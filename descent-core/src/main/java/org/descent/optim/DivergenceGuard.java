package org.descent.optim;

/**
 * Stops a run whose loss is NaN or infinite, with a message that says where and what to try:
 * "loss became NaN at step 137 (epoch 3); try a smaller learning rate (currently 0.5)".
 */
public final class DivergenceGuard {
    private DivergenceGuard() {
    }

    /** Returns {@code loss} if it is finite, else throws a {@link DivergenceException} naming the step and epoch. */
    public static double requireFinite(double loss, long step, int epoch, double learningRate) {
        if (Double.isFinite(loss)) {
            return loss;
        }
        String where = "step " + step + (epoch >= 0 ? " (epoch " + epoch + ")" : "");
        throw new DivergenceException("loss became " + loss + " at " + where
                + "; try a smaller learning rate (currently " + learningRate + ")", step, epoch, loss);
    }

    /** As {@link #requireFinite(double, long, int, double)}, outside training (no epoch). */
    public static double requireFinite(double loss, long step, double learningRate) {
        return requireFinite(loss, step, -1, learningRate);
    }
}
