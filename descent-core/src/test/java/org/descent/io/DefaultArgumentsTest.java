package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec may leave a layer's arguments at their defaults; the model names them, as its layers report them. */
class DefaultArgumentsTest {
    private static final LayerSpec NAMED = new LayerSpec("batch_norm", LayerArguments.of("eps", 1e-5, "momentum", 0.1));

    private static NetworkSpec spec(LayerSpec norm) {
        return new NetworkSpec(4, List.of(LayerSpec.linear(3), norm, LayerSpec.activation("relu"), LayerSpec.linear(2)),
                "regression", "l2", 0, List.of(), null);
    }

    @Test
    void aLayerWithoutArgumentsGetsItsDefaultsInTheModelsSpec() {
        Model model = Model.create(spec(new LayerSpec("batch_norm", LayerArguments.none())), new Random(1));
        assertEquals(spec(NAMED), model.spec());
    }

    @Test
    void aModelFileWhoseSpecLeavesThemOutLoads(@TempDir Path dir) {
        Model saved = Model.create(spec(NAMED), new Random(1));
        String json = saved.spec().toJson();
        String shorter = json.replaceFirst("\\{\"kind\":\"batch_norm\",[^}]*}", "{\"kind\":\"batch_norm\"}");
        assertNotEquals(json, shorter, "the spec names batch_norm's arguments: " + json);
        Path file = dir.resolve("m.safetensors");
        Safetensors.write(file, new SafetensorsContent(saved.network().state(),
                Map.of(ModelFile.FORMAT_KEY, ModelFile.FORMAT_VERSION, ModelFile.SPEC_KEY, shorter)));
        Model loaded = ModelFile.load(file);
        assertEquals(saved.spec(), loaded.spec());
        assertEquals(saved.network().state().get("layers.1.running_var").get(0),
                loaded.network().state().get("layers.1.running_var").get(0));
    }
}
