package org.descent.minimize;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.descent.DescentException;

/**
 * Eigen-decomposition A = V Λ Vᵀ of a real symmetric matrix by the cyclic Jacobi method: sweep
 * over the off-diagonal entries, zeroing each a_pq with a plane rotation
 * <pre>
 * θ = (a_qq − a_pp) / (2 a_pq),  t = sign(θ) / (|θ| + √(θ² + 1)),  c = 1/√(t² + 1),  s = t·c
 * </pre>
 * until the off-diagonal mass is below 1e-15 of the matrix's. Eigenvalues are returned in
 * ascending order; column k of {@link #eigenvectors()} belongs to eigenvalue k.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    private final double[] eigenvalues;
    private final double[][] eigenvectors;

    private SymmetricEigen(double[] eigenvalues, double[][] eigenvectors) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
    }

    /**
     * Decomposes {@code matrix}, which must be square and symmetric up to rounding
     * (|a_ij − a_ji| ≤ 1e-8·(1 + max|a|)); it is symmetrized as (A + Aᵀ)/2 first.
     */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new DescentException("eigen-decomposition needs a square matrix; row " + i + " has "
                        + matrix[i].length + " entries, not " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new DescentException("eigen-decomposition needs finite entries; entry [" + i + "][" + j
                            + "] is " + matrix[i][j]);
                }
                scale = Math.max(scale, Math.abs(matrix[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!(Math.abs(matrix[i][j] - matrix[j][i]) <= 1e-8 * (1 + scale))) {
                    throw new DescentException("matrix is not symmetric: entry [" + i + "][" + j + "] = "
                            + matrix[i][j] + " but [" + j + "][" + i + "] = " + matrix[j][i]);
                }
                a[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1.0;
        }
        double total = frobeniusSquared(a);
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonalSquared(a) > 1e-30 * total; sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> a[k][k]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Zeroes a[p][q] (and a[q][p]) by A ← JᵀAJ, and accumulates V ← VJ. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonalSquared(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += i == j ? 0 : a[i][j] * a[i][j];
            }
        }
        return sum;
    }

    private static double frobeniusSquared(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            sum += Vectors.dot(row, row);
        }
        return sum;
    }

    /** The eigenvalues λ1 ≤ λ2 ≤ … ≤ λn. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The orthonormal eigenvectors as columns: A·V[:, k] = λk·V[:, k]. */
    public double[][] eigenvectors() {
        double[][] copy = new double[eigenvectors.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = eigenvectors[i].clone();
        }
        return copy;
    }
}
