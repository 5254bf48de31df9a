package org.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.DescentException;
import org.junit.jupiter.api.Test;

/** One graph at a time holds a workspace's arrays; an older graph is told apart and refused. */
class WorkspaceTest {

    @Test
    void aFreeWorkspaceLendsTheSameArraysToEachGraphInTurn() {
        Workspace workspace = new Workspace(2, "stale");
        Workspace.Lease first = workspace.take();
        assertTrue(first.reuses());
        float[] array = first.tensor(0, DType.FLOAT32, 3, 4).floatData();
        first.release();
        Workspace.Lease second = workspace.take();
        assertSame(array, second.tensor(0, DType.FLOAT32, 3, 4).floatData());
        assertNotSame(array, second.tensor(1, DType.FLOAT32, 3, 4).floatData(), "slots are apart");
        assertEquals(6, second.tensor(0, DType.FLOAT64, 2, 3).doubleData().length, "a new shape or dtype reallocates");
    }

    @Test
    void whileTakenASecondGraphGetsNewStorageAndNothingToGiveBack() {
        Workspace workspace = new Workspace(1, "stale");
        Workspace.Lease first = workspace.take();
        Workspace.Lease second = workspace.take();
        assertSame(Workspace.Lease.NONE, second);
        assertFalse(second.reuses());
        assertNotSame(second.floats(0, 5), second.floats(0, 5));
        assertNull(second.reusedTensor(0, DType.FLOAT32, 1, 5));
        second.release();
        assertSame(Workspace.Lease.NONE, workspace.take(), "still held by the first graph");
        first.release();
        assertTrue(workspace.take().reuses());
    }

    @Test
    void aGraphWhoseArraysWereTakenAgainIsRefusedWithTheMessage() {
        Workspace workspace = new Workspace(1, "layers.0: stale graph");
        Workspace.Lease old = workspace.take();
        old.requireCurrent();
        assertSame(old.floats(0, 4), old.reusedTensor(0, DType.FLOAT32, 2, 2).floatData());
        old.release();
        Workspace.Lease current = workspace.take();
        assertFalse(old.isCurrent());
        assertNull(old.reusedTensor(0, DType.FLOAT32, 2, 2));
        assertEquals("layers.0: stale graph", assertThrows(DescentException.class, old::requireCurrent).getMessage());
        old.release();
        assertSame(Workspace.Lease.NONE, workspace.take(), "an old lease gives nothing back");
        current.requireCurrent();
    }
}
