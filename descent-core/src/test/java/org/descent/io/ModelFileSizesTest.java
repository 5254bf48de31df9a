package org.descent.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, reproducer 5: a model file's spec is checked against its tensors before the network is built. */
class ModelFileSizesTest {
    @TempDir
    Path dir;

    /** A real model file whose spec text is replaced by {@code wideSpec}'s (the tensors stay small). */
    private Path withSpec(NetworkSpec wideSpec) {
        NetworkSpec small = new NetworkSpec(4, List.of(LayerSpec.linear(2)), "regression", "l2", 0, List.of(), null);
        Model model = Model.create(small, new Random(1));
        Path file = dir.resolve("m.safetensors");
        SafetensorsContent content = new SafetensorsContent(java.util.Map.of("layers.0.weight",
                model.network().namedParameters().get("layers.0.weight").value(), "layers.0.bias",
                model.network().namedParameters().get("layers.0.bias").value()),
                java.util.Map.of(ModelFile.FORMAT_KEY, ModelFile.FORMAT_VERSION, ModelFile.SPEC_KEY, wideSpec.toJson()));
        Safetensors.write(file, content);
        return file;
    }

    @Test
    void wideLayersInASmallFileAreRefusedBeforeBuilding() {
        NetworkSpec wide = new NetworkSpec(4, List.of(LayerSpec.linear(40000), LayerSpec.activation("relu"),
                LayerSpec.linear(40000)), "regression", "l2", 0, List.of(), null);
        Path file = withSpec(wide);
        Bounded.refused(1000, () -> ModelFile.load(file), "m.safetensors");
    }

    @Test
    void aLayerOfTwoBillionUnitsIsRefusedBeforeBuilding() {
        NetworkSpec huge = new NetworkSpec(4, List.of(LayerSpec.linear(2147483647), LayerSpec.activation("relu"),
                LayerSpec.linear(2)), "regression", "l2", 0, List.of(), null);
        Path file = withSpec(huge);
        Bounded.refused(1000, () -> ModelFile.load(file), "m.safetensors");
    }
}
