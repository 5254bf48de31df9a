package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DivergenceGuardTest {

    @Test
    void aFiniteLossPassesThrough() {
        assertEquals(0.25, DivergenceGuard.requireFinite(0.25, 137, 3, 0.5), 0.0);
        assertEquals(-1e300, DivergenceGuard.requireFinite(-1e300, 1, 0.5), 0.0);
    }

    @Test
    void aNanLossNamesStepEpochAndLearningRate() {
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> DivergenceGuard.requireFinite(Double.NaN, 137, 3, 0.5));
        assertEquals("loss became NaN at step 137 (epoch 3); try a smaller learning rate (currently 0.5)", e.getMessage());
        assertEquals(137, e.step());
        assertEquals(3, e.epoch());
        assertEquals(Double.NaN, e.loss());
    }

    @Test
    void anInfiniteLossOutsideTrainingHasNoEpoch() {
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> DivergenceGuard.requireFinite(Double.POSITIVE_INFINITY, 12, 0.01));
        assertEquals("loss became Infinity at step 12; try a smaller learning rate (currently 0.01)", e.getMessage());
        assertEquals(-1, e.epoch());
    }
}
