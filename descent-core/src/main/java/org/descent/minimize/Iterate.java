package org.descent.minimize;

/**
 * One point of a minimization's trace.
 *
 * @param iteration k (0 is the start point)
 * @param x the point x_k
 * @param value f(x_k)
 * @param gradientNorm ‖∇f(x_k)‖
 * @param stepSize the step size η that led here (0 at the start; 1 for a Newton step)
 */
public record Iterate(int iteration, double[] x, double value, double gradientNorm, double stepSize) {
    public Iterate {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public String toString() {
        return "Iterate(k=" + iteration + ", x=" + Vectors.format(x) + ", f=" + Vectors.format(value)
                + ", |grad|=" + Vectors.format(gradientNorm) + ", step=" + Vectors.format(stepSize) + ")";
    }
}
