package org.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.tensor.Shape;
import org.junit.jupiter.api.Test;

class EmbeddedDataTest {

    @Test
    void digitsAre1797ImagesOf64RawPixels() {
        Dataset digits = EmbeddedData.digits();
        assertEquals(Shape.of(1797, 64), digits.features().shape());
        assertEquals(Shape.of(1797, 10), digits.targets().shape());
        assertEquals(10, digits.classes());
        int[] perClass = new int[10];
        for (int label : digits.labels()) {
            perClass[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(perClass[c] > 170 && perClass[c] < 190, "digit " + c + ": " + perClass[c]);
        }
        double max = 0;
        for (int i = 0; i < digits.features().size(); i++) {
            double v = digits.features().get(i);
            assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel " + i + " = " + v);
            max = Math.max(max, v);
        }
        assertEquals(16.0, max, 0.0);
        // first row of the file: 0,0,5,13,9,1,0,0,... digit 0
        assertEquals(5, digits.features().get(2), 0.0);
        assertEquals(0, digits.label(0));
    }

    @Test
    void diabetesIsRegressionWithOneTarget() {
        Dataset diabetes = EmbeddedData.diabetes();
        assertEquals(Shape.of(442, 10), diabetes.features().shape());
        assertEquals(Shape.of(442, 1), diabetes.targets().shape());
        assertEquals(false, diabetes.hasLabels());
        assertEquals(151.0, diabetes.targets().get(0), 0.0);
        assertEquals(59.0, diabetes.features().get(0), 0.0);
    }

    @Test
    void irisAndBreastCancerCarryTheirClassNames() {
        Dataset iris = EmbeddedData.iris();
        assertEquals(Shape.of(150, 4), iris.features().shape());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        Dataset cancer = EmbeddedData.breastCancer();
        assertEquals(Shape.of(569, 30), cancer.features().shape());
        assertEquals(List.of("malignant", "benign"), cancer.classNames());
    }

    @Test
    void wineHasThirteenRawFeaturesAndThreeClasses() {
        Dataset wine = EmbeddedData.wine();
        assertEquals(Shape.of(178, 13), wine.features().shape());
        assertEquals(List.of("class_0", "class_1", "class_2"), wine.classNames());
        assertEquals(14.23, wine.features().get(0), 1e-5, "alcohol of the first wine, as in the file");
        assertEquals(1065, wine.features().get(12), 1e-3, "proline of the first wine, raw");
    }

    @Test
    void licenseShipsWithTheData() {
        String license = EmbeddedData.license();
        assertTrue(license.contains("Copyright: 2007-2019 Scikit-Learn Developers"), license);
        assertTrue(license.contains("Redistribution and use in source and binary forms"), license);
    }
}
