package org.descent.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.descent.DescentException;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void lectureHessian() {
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}});
        assertArrayEquals(new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)}, eigen.eigenvalues(), 1e-14);
        assertEquals(0.586, eigen.eigenvalues()[0], 5e-4);
        assertEquals(3.414, eigen.eigenvalues()[2], 5e-4);
    }

    @Test
    void randomSymmetricMatrixIsReconstructedFromOrthonormalEigenvectors() {
        int n = 12;
        Random random = new Random(3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian();
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double[] lambda = eigen.eigenvalues();
        double[][] v = eigen.eigenvectors();
        for (int k = 1; k < n; k++) {
            assertEquals(true, lambda[k - 1] <= lambda[k], "ascending order");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double reconstructed = 0;
                double gram = 0;
                for (int k = 0; k < n; k++) {
                    reconstructed += v[i][k] * lambda[k] * v[j][k];
                    gram += v[k][i] * v[k][j];
                }
                assertEquals(a[i][j], reconstructed, 1e-12, "V Λ Vᵀ = A at " + i + "," + j);
                assertEquals(i == j ? 1 : 0, gram, 1e-12, "VᵀV = I at " + i + "," + j);
            }
        }
    }

    @Test
    void diagonalAndRepeatedEigenvalues() {
        assertArrayEquals(new double[] {-1, 3, 3}, SymmetricEigen.of(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 3}})
                .eigenvalues(), 0);
        assertArrayEquals(new double[] {0, 2}, SymmetricEigen.of(new double[][] {{1, 1}, {1, 1}}).eigenvalues(), 1e-15);
    }

    @Test
    void refusesNonSymmetricNonSquareAndNonFiniteMatrices() {
        assertEquals("matrix is not symmetric: entry [0][1] = 1.0 but [1][0] = 2.0",
                assertThrows(DescentException.class, () -> SymmetricEigen.of(new double[][] {{0, 1}, {2, 0}})).getMessage());
        assertThrows(DescentException.class, () -> SymmetricEigen.of(new double[][] {{0, 1}, {2}}));
        assertThrows(DescentException.class, () -> SymmetricEigen.of(new double[][] {{Double.NaN}}));
    }
}
