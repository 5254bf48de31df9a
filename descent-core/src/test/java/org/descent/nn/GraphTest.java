package org.descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.GradCheck;
import org.descent.tensor.DType;
import org.descent.tensor.ShapeException;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The DAG builder: gradients through skip connections, build-time checks, printout. */
class GraphTest {
    private final Random random = new Random(11);
    private final Tensor x = Tensor.uniform(new Random(12), -1, 1, DType.FLOAT64, 5, 3);

    /** x → Linear → tanh → Linear → σ, joined with x itself: SUM needs 3 features there, CONCAT gives 3 + 4. */
    private Graph skip(Combine combine) {
        boolean sum = combine == Combine.SUM;
        return Graph.builder(3)
                .add("h1", new Linear(3, 4, random), "input")
                .add("a1", new Tanh(), "h1")
                .add("h2", new Linear(4, sum ? 3 : 4, random), "a1")
                .add("a2", new Sigmoid(), "h2")
                .add("out", new Linear(sum ? 3 : 7, 2, random), combine, "input", "a2")
                .build();
    }

    @Test
    void sumGradientsMatchFiniteDifferences() {
        Graph net = skip(Combine.SUM);
        assertTrue(ParameterGradCheck.maxError(net, x) < 1e-6);
        assertTrue(GradCheck.maxError(in -> net.forward(in[0]), x) < 1e-6);
    }

    @Test
    void concatGradientsMatchFiniteDifferences() {
        Graph net = skip(Combine.CONCAT);
        assertTrue(ParameterGradCheck.maxError(net, x) < 1e-6);
        assertTrue(GradCheck.maxError(in -> net.forward(in[0]), x) < 1e-6);
    }

    @Test
    void parametersAreNamedAfterTheirNodes() {
        assertEquals(List.of("h1.weight", "h1.bias", "h2.weight", "h2.bias", "out.weight", "out.bias"),
                List.copyOf(skip(Combine.CONCAT).namedParameters().keySet()));
        assertEquals(2, skip(Combine.CONCAT).outputSize(3));
    }

    @Test
    void sumOfDifferentSizesNamesTheNodeAndBothShapes() {
        GraphBuilder builder = Graph.builder(3).add("h1", new Linear(3, 4, random), "input");
        ShapeException e = assertThrows(ShapeException.class,
                () -> builder.add("join", new Tanh(), Combine.SUM, "input", "h1"));
        assertTrue(e.getMessage().contains("graph node 'join'"), e.getMessage());
        assertTrue(e.getMessage().contains("'input' (N, 3)") && e.getMessage().contains("'h1' (N, 4)"), e.getMessage());
    }

    @Test
    void moduleThatDoesNotFitNamesTheNode() {
        GraphBuilder builder = Graph.builder(3).add("h1", new Linear(3, 4, random), "input");
        ShapeException e = assertThrows(ShapeException.class,
                () -> builder.add("out", new Linear(6, 2, random), Combine.CONCAT, "input", "h1"));
        assertTrue(e.getMessage().contains("graph node 'out'") && e.getMessage().contains("gets 7"), e.getMessage());
    }

    @Test
    void onlyEarlierNodesCanBeRead() {
        GraphBuilder builder = Graph.builder(3).add("h1", new Linear(3, 4, random), "input");
        DescentException e = assertThrows(DescentException.class, () -> builder.add("a", new Tanh(), "later"));
        assertTrue(e.getMessage().contains("'later', which is not an earlier node"), e.getMessage());
        assertThrows(DescentException.class, () -> builder.add("h1", new Tanh(), "h1"));
        assertThrows(DescentException.class, () -> builder.add("input", new Tanh(), "h1"));
        assertThrows(DescentException.class, () -> Graph.builder(3).build());
    }

    @Test
    void printsOneLinePerNode() {
        String expected = """
                Graph(input: 3 features
                  (h1): Linear(in=3, out=4) <- input
                  (a1): Tanh() <- h1
                  (h2): Linear(in=4, out=4) <- a1
                  (a2): Sigmoid() <- h2
                  (out): Linear(in=7, out=2) <- concat(input, a2)
                )""";
        assertEquals(expected, skip(Combine.CONCAT).toString());
    }

    @Test
    void aSharedLayerIsOneParameterWithTheSumOfItsGradients() {
        Linear shared = new Linear(3, 3, random);
        Graph twice = Graph.builder(3)
                .add("first", shared, "input")
                .add("act", new Tanh(), "first")
                .add("second", shared, "act")
                .build();
        twice.to(DType.FLOAT64);
        assertEquals(List.of("first.weight", "first.bias"), List.copyOf(twice.namedParameters().keySet()));
        twice.forward(x).sum().backward();
        Tensor w = shared.weight().value();
        Tensor analytic = shared.weight().grad();
        double step = 1e-6;
        for (int i = 0; i < w.size(); i++) {
            double saved = w.get(i);
            w.set(i, saved + step);
            double up = twice.forward(x).sum().item();
            w.set(i, saved - step);
            double down = twice.forward(x).sum().item();
            w.set(i, saved);
            assertEquals((up - down) / (2 * step), analytic.get(i), 1e-7);
        }
    }
}
