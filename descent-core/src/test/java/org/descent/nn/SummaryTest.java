package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Module.summary: a row per layer with output shape, parameters and buffers, and the totals. */
class SummaryTest {

    @Test
    void theDigitsMlpHas4810Parameters() {
        Random random = new Random(1);
        Sequential net = new Sequential(new Linear(64, 64, random), new Relu(), new Linear(64, 10, random));
        assertEquals("""
                Layer     Type                   Output shape  Parameters  Buffers
                input                            (N, 64)
                layers.0  Linear(in=64, out=64)  (N, 64)            4,160
                layers.1  Relu()                 (N, 64)                0
                layers.2  Linear(in=64, out=10)  (N, 10)              650
                4,810 parameters, no buffers; 18.8 KiB as float32
                """, net.summary(64));
    }

    @Test
    void buffersAreListedAndCounted() {
        Random random = new Random(1);
        Sequential net = new Sequential(new Linear(8, 4, false, random), new BatchNorm1d(4), new Relu(),
                new Dropout(0.1, random), new Linear(4, 2, random));
        String summary = net.summary(8);
        assertTrue(summary.contains("layers.1  BatchNorm1d(features=4, eps=1.0E-5, momentum=0.1)  (N, 4)  "), summary);
        assertTrue(summary.contains("8  running_mean [4], running_var [4], num_batches_tracked [1]\n"), summary);
        assertTrue(summary.contains("layers.3  Dropout(p=0.1)"), summary);
        assertTrue(summary.contains("rng [4]"), summary);
        assertTrue(summary.endsWith("50 parameters, 13 buffer values in 4 tensors; 252 B as float32\n"), summary);
        assertEquals("50 parameters, 13 buffer values in 4 tensors; 252 B as float32", net.summaryTotals());
    }

    @Test
    void aGraphListsItsNodes() {
        Random random = new Random(2);
        Graph graph = Graph.builder(3).add("h", new Linear(3, 4, random), "input").add("n", new LayerNorm(4), "h")
                .add("out", new Linear(7, 2, random), Combine.CONCAT, "input", "n").build();
        String summary = graph.summary(3);
        assertTrue(summary.contains("n      LayerNorm(features=4, eps=1.0E-5)  (N, 4)                 8"), summary);
        assertTrue(summary.contains("out    Linear(in=7, out=2)"), summary);
        assertTrue(summary.endsWith("40 parameters, no buffers; 160 B as float32\n"), summary);
    }
}
