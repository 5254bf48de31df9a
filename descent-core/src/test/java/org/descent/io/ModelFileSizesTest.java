package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.nn.LayerSpec;
import org.descent.testing.Bounded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, reproducer 5: a model file's spec is checked against its tensors before the network is built. */
class ModelFileSizesTest {
    @TempDir
    Path dir;

    /** A real model file whose spec text is replaced by {@code specJson} (the tensors stay small). */
    private Path withSpec(String specJson) {
        NetworkSpec small = new NetworkSpec(4, List.of(LayerSpec.linear(2)), "regression", "l2", 0, List.of(), null);
        Model model = Model.create(small, new Random(1));
        Path file = dir.resolve("m.safetensors");
        SafetensorsContent content = new SafetensorsContent(java.util.Map.of("layers.0.weight",
                model.network().namedParameters().get("layers.0.weight").value(), "layers.0.bias",
                model.network().namedParameters().get("layers.0.bias").value()),
                java.util.Map.of(ModelFile.FORMAT_KEY, ModelFile.FORMAT_VERSION, ModelFile.SPEC_KEY, specJson));
        Safetensors.write(file, content);
        return file;
    }

    @Test
    void wideLayersInASmallFileAreRefusedBeforeBuilding() {
        String wide = "{\"input_size\":4,\"layers\":[{\"kind\":\"linear\",\"out\":40000},{\"kind\":\"relu\"},"
                + "{\"kind\":\"linear\",\"out\":40000}],\"task\":\"regression\",\"loss\":\"l2\",\"class_count\":0,"
                + "\"class_names\":[]}";
        Path file = withSpec(wide);
        DescentException refused = Bounded.refused(1000, () -> ModelFile.load(file), "m.safetensors");
        assertTrue(refused.getMessage().contains("40000"), refused.getMessage());
    }

    @Test
    void aLayerOfTwoBillionUnitsIsRefusedBeforeBuilding() {
        String huge = "{\"input_size\":4,\"layers\":[{\"kind\":\"linear\",\"out\":2147483647},{\"kind\":\"relu\"},"
                + "{\"kind\":\"linear\",\"out\":2}],\"task\":\"regression\",\"loss\":\"l2\",\"class_count\":0,"
                + "\"class_names\":[]}";
        Path file = withSpec(huge);
        DescentException refused = Bounded.refused(1000, () -> ModelFile.load(file), "m.safetensors");
        assertTrue(refused.getMessage().contains("2147483647"), refused.getMessage());
    }
}
