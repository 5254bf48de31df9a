package org.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void aHistoryFromEpochsTrainedElsewhereReadsLikeTheTrainersOwn() {
        EpochResult first = new EpochResult(1, 0.9, Double.NaN, Double.NaN, 0.5, 0.1, 2.0, 75);
        EpochResult second = new EpochResult(2, 0.4, Double.NaN, Double.NaN, 0.3, 0.1, 1.0, 150);
        History history = History.of(List.of(first, second), "completed all epochs");
        assertEquals(List.of(first, second), history.epochs());
        assertEquals(second, history.last());
        assertEquals("completed all epochs", history.stopReason());
        assertEquals(3, history.toCsv().lines().count());
    }
}
