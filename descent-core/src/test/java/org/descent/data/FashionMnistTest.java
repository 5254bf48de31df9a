package org.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.descent.tensor.Shape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reads the real files installed by {@code apt-get install dataset-fashion-mnist}, if present. */
@Tag("slow")
class FashionMnistTest {

    @Test
    void readsTheInstalledFiles() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        IdxFolder folder = FashionMnist.folder();
        Dataset train = folder.train();
        Dataset test = folder.test();
        assertEquals(Shape.of(60000, 784), train.features().shape());
        assertEquals(Shape.of(10000, 784), test.features().shape());
        assertEquals(Shape.of(60000, 10), train.targets().shape());
        assertEquals(10, train.classes());
        assertEquals("Ankle boot", train.className(9));
        int[] perClass = new int[10];
        for (int label : test.labels()) {
            perClass[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(1000, perClass[c], "test images of class " + c);
        }
        double max = 0;
        for (int i = 0; i < 784 * 100; i++) {
            double v = train.features().get(i);
            assertTrue(v >= 0 && v <= 255 && v == Math.rint(v), "pixel " + i + " = " + v);
            max = Math.max(max, v);
        }
        assertEquals(255.0, max, 0.0);
    }
}
