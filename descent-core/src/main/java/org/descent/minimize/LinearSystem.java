package org.descent.minimize;

import org.descent.DescentException;

/** Solves A x = b by Gaussian elimination with partial pivoting (for Newton steps and the closed form). */
final class LinearSystem {
    private LinearSystem() {
    }

    /**
     * The solution of A x = b; throws a {@link DescentException} starting with {@code what} if A
     * is singular, i.e. a pivot is below 1e-12 of the largest entry of A.
     */
    static double[] solve(double[][] matrix, double[] b, String what) {
        int n = b.length;
        double[][] a = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            a[i] = new double[n + 1];
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n] = b[i];
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(matrix[i][j]));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-12 * scale)) {
                throw new DescentException(what + " is singular (the Hessian has rank below " + n
                        + "): there is no unique solution of ∇f = 0");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
