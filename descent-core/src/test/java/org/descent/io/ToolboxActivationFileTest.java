package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.nn.Elu;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerRegistry;
import org.descent.nn.LayerSpec;
import org.descent.nn.LeakyRelu;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The toolbox activations in the layer registry: a model file with one saves, loads and predicts
 * the same; leaky_relu and elu keep their α.
 */
class ToolboxActivationFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "gelu_tanh", "silu", "leaky_relu", "elu"})
    void aModelWithTheActivationRoundTrips(String activation) {
        roundTrip(LayerSpec.activation(activation), activation);
    }

    @Test
    void leakyReluAndEluKeepTheirAlpha() {
        Model leaky = roundTrip(new LayerSpec("leaky_relu", LayerArguments.of("alpha", 0.2)), "leaky");
        assertEquals(0.2, ((LeakyRelu) ((org.descent.nn.Sequential) leaky.network()).layers().get(1)).alpha());
        Model elu = roundTrip(new LayerSpec("elu", LayerArguments.of("alpha", 0.5)), "elu");
        assertEquals(0.5, ((Elu) ((org.descent.nn.Sequential) elu.network()).layers().get(1)).alpha());
        assertEquals(LayerSpec.activation("leaky_relu"), LayerRegistry.describe(new LeakyRelu(), "layers.1"));
        assertEquals(new LayerSpec("elu", LayerArguments.of("alpha", 2.0)), LayerRegistry.describe(new Elu(2), "layers.1"));
    }

    private Model roundTrip(LayerSpec activation, String name) {
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.linear(5), activation, LayerSpec.linear(3)),
                "multiclass", "cross_entropy", 3, List.of(), null);
        Model model = Model.create(spec, new Random(2));
        Path file = dir.resolve(name + ".safetensors");
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file);
        Tensor x = Tensor.uniform(new Random(3), -3, 3, DType.FLOAT32, 6, 4);
        assertArrayEquals(model.network().forward(x).floatData(), loaded.network().forward(x).floatData());
        assertEquals(spec.architecture(), loaded.spec().architecture());
        return loaded;
    }
}
