package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.descent.Fixtures;
import org.descent.data.Normalize;
import org.descent.nn.Graph;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files written outside Java ({@code tools/fixtures/generate_fixtures.py}: PyTorch weights,
 * the bytes laid out by the safetensors package or by struct/json) load in Descent bit for bit,
 * and the loaded network, normalization included, predicts what PyTorch computed.
 */
class ReferenceFileTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReferenceFileTest.class.getResource("/fixtures/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({"reference.safetensors, reference_f32", "reference_f64.safetensors, reference"})
    void loadsAModelFileWrittenByPython(String file, String caseName) throws Exception {
        Fixtures.Case expected = Fixtures.load("model_files.json", caseName);
        SafetensorsContent content = Safetensors.read(resource(file));
        assertEquals(List.of("layers.0.bias", "layers.0.weight", "layers.2.bias", "layers.2.weight"),
                List.copyOf(content.tensors().keySet()));
        for (Map.Entry<String, Tensor> e : content.tensors().entrySet()) {
            Tensor want = expected.tensor(e.getKey());
            assertEquals(want.dtype(), e.getValue().dtype(), e.getKey());
            assertEquals(want.shape(), e.getValue().shape(), e.getKey());
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i), e.getValue().get(i), 0.0, e.getKey() + "[" + i + "] bitwise");
            }
        }

        Model model = ModelFile.load(resource(file));
        assertEquals("4 → Linear(5) → tanh → Linear(3)", model.spec().architecture());
        assertEquals(List.of("setosa", "versicolor", "virginica"), model.spec().classNames());
        assertEquals(Normalize.Method.STANDARDIZE, model.spec().normalization().method());
        Fixtures.assertClose(expected.tensor("output"), model.predict(expected.tensor("x")), caseName + " output");
    }

    /** A format-2 graph model file written by tools/fixtures/generate_graph_model_file.py from PyTorch layers. */
    @Test
    void loadsAGraphModelFileWrittenByPython() throws Exception {
        Fixtures.Case expected = Fixtures.load("graph_model_file.json", "graph_reference");
        Model model = ModelFile.load(resource("graph_reference.safetensors"));
        assertTrue(model.network() instanceof Graph);
        assertEquals("4 → graph(h1: Linear(5) ← input, a1: tanh ← h1, h2: Linear(5) ← input, res: relu ← sum(a1, h2),"
                + " out: Linear(3) ← concat(input, res))", model.spec().architecture());
        model.network().state().forEach((name, t) -> {
            Tensor want = expected.tensor(name);
            assertEquals(want.shape(), t.shape(), name);
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i), t.get(i), 0.0, name + "[" + i + "] bitwise");
            }
        });
        Fixtures.assertClose(expected.tensor("output"), model.predict(expected.tensor("x")), "graph output");
    }
}
