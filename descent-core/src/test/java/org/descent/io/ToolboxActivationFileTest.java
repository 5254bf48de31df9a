package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.LeakyRelu;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The toolbox activations in the activation table: a model file with one saves, loads and predicts the same. */
class ToolboxActivationFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "gelu_tanh", "silu", "leaky_relu", "elu"})
    void aModelWithTheActivationRoundTrips(String activation) {
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.linear(5), LayerSpec.activation(activation),
                LayerSpec.linear(3)), "multiclass", "cross_entropy", 3, List.of(), null);
        Model model = Model.create(spec, new Random(2));
        assertEquals(spec.layers(), LayerKinds.describe(model.network()));
        Path file = dir.resolve(activation + ".safetensors");
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file);
        Tensor x = Tensor.uniform(new Random(3), -3, 3, DType.FLOAT32, 6, 4);
        assertArrayEquals(model.network().forward(x).floatData(), loaded.network().forward(x).floatData());
        assertEquals(spec.architecture(), loaded.spec().architecture());
    }

    @Test
    void aNonDefaultAlphaIsRefusedRatherThanSavedWrong() {
        Random random = new Random(1);
        Sequential network = new Sequential(new Linear(4, 5, random), new LeakyRelu(0.2), new Linear(5, 3, random));
        DescentException e = assertThrows(DescentException.class, () -> LayerKinds.describe(network));
        assertEquals("layer layers.1 is LeakyRelu(0.2), which a model file cannot describe yet: it stores"
                + " leaky_relu and elu with their default alpha (0.01, 1.0) only", e.getMessage());
    }
}
