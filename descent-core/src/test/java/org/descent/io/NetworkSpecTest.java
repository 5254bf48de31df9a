package org.descent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.Normalize;
import org.descent.nn.LayerArguments;
import org.descent.nn.LayerSpec;
import org.descent.nn.Linear;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.tensor.DType;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

    static NetworkSpec mnistMlp() {
        double[] mean = new double[784];
        double[] std = new double[784];
        for (int j = 0; j < 784; j++) {
            mean[j] = j / 784.0;
            std[j] = j % 7 == 0 ? 0 : 0.1 + j / 1000.0;
        }
        return new NetworkSpec(784, List.of(LayerSpec.linear(256), LayerSpec.activation("relu"), LayerSpec.linear(128),
                LayerSpec.activation("relu"), LayerSpec.linear(10)), "classification", "cross-entropy", 10,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Normalize.standardize(mean, std));
    }

    @Test
    void buildsTheDescribedSequential() {
        NetworkSpec spec = mnistMlp();
        Sequential net = (Sequential) spec.build(new Random(1));
        assertEquals("784 → Linear(256) → relu → Linear(128) → relu → Linear(10)", spec.architecture());
        assertEquals(10, spec.outputSize());
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "layers.4.weight",
                "layers.4.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(Shape.of(128, 256), net.namedParameters().get("layers.2.weight").shape());
        assertTrue(net.layers().get(1) instanceof Relu);
        assertEquals(spec.topology(), Topology.of(net));
    }

    @Test
    void jsonRoundTripsExactly() {
        NetworkSpec spec = mnistMlp();
        assertEquals(spec, NetworkSpec.fromJson(spec.toJson(), "test"));
        NetworkSpec regression = new NetworkSpec(3, List.of(LayerSpec.linear(4), LayerSpec.activation("log_softmax")),
                "regression", "l2", 0, List.of(), Normalize.minMax(new double[] {-1, 0.1, 2}, new double[] {1, 0.3, 2}));
        assertEquals(regression, NetworkSpec.fromJson(regression.toJson(), "test"));
        NetworkSpec plain = new NetworkSpec(2, List.of(LayerSpec.linear(1)), "regression", "l2", 0, List.of(), null);
        assertEquals("{\"input_size\":2,\"layers\":[{\"kind\":\"linear\",\"out\":1}],\"task\":\"regression\","
                + "\"loss\":\"l2\",\"class_count\":0,\"class_names\":[]}", plain.toJson());
        assertEquals(plain, NetworkSpec.fromJson(plain.toJson(), "test"));
        NetworkSpec smoothed = new NetworkSpec(2, List.of(LayerSpec.linear(3)), "multiclass", "cross_entropy", 3, List.of(),
                null, 0.1);
        assertTrue(smoothed.toJson().contains("\"label_smoothing\":0.1"), smoothed.toJson());
        assertEquals(smoothed, NetworkSpec.fromJson(smoothed.toJson(), "test"));
    }

    @Test
    void labelSmoothingIsCheckedWhereverItComesFrom() {
        List<LayerSpec> one = List.of(LayerSpec.linear(3));
        assertMessage("label smoothing must be in [0, 1), got 1.0",
                () -> new NetworkSpec(2, one, "multiclass", "cross_entropy", 3, List.of(), null, 1.0));
        String json = new NetworkSpec(2, one, "multiclass", "cross_entropy", 3, List.of(), null, 0.2).toJson();
        assertMessage("network spec in m.safetensors: 'label_smoothing' is \"a\"; expected a number",
                () -> NetworkSpec.fromJson(json.replace("0.2", "\"a\""), "m.safetensors"));
    }

    @Test
    void describesAnExistingNetwork() {
        Random random = new Random(2);
        Sequential net = new Sequential(new Linear(2, 3, random), new Tanh(), new Linear(3, 1, random));
        assertEquals(List.of(LayerSpec.linear(3), LayerSpec.activation("tanh"), LayerSpec.linear(1)),
                Topology.of(net).layers());
    }

    @Test
    void normalizationIsAppliedPerFeature() {
        Tensor x = Tensor.of(new double[] {1, 5, 3, 5, 7, 5}, 3, 2);
        Tensor standardized = Normalize.standardize(new double[] {3, 5}, new double[] {2, 0}).apply(x);
        assertEquals(List.of(-1.0, 0.0, 0.0, 0.0, 2.0, 0.0), toList(standardized));
        Tensor scaled = Normalize.minMax(new double[] {1, 5}, new double[] {5, 5}).apply(x);
        assertEquals(List.of(0.0, 0.0, 0.5, 0.0, 1.5, 0.0), toList(scaled));
    }

    @Test
    void fittedScalingSurvivesTheJsonBitForBit() {
        Tensor x = Tensor.uniform(new Random(5), -3, 7, DType.FLOAT32, 20, 3);
        for (int i = 0; i < 20; i++) {
            x.set(i * 3 + 1, 2.5);                  // a constant feature: scale 1
        }
        Dataset train = Dataset.regression(x, Tensor.zeros(DType.FLOAT32, 20, 1));
        for (Normalize fitted : List.of(Normalize.standardize(train), Normalize.minMax(train))) {
            NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.linear(1)), "regression", "l2", 0, List.of(), fitted);
            Normalize read = NetworkSpec.fromJson(spec.toJson(), "test").normalization();
            assertEquals(fitted, read);
            assertArrayEquals(fitted.scale(), read.scale(), 0.0);
            assertArrayEquals(fitted.apply(x).floatData(), read.apply(x).floatData(), fitted.method().toString());
        }
    }

    /**
     * The format-1 JSON the io.Standardize / io.MinMax records wrote before Normalize became the
     * one type reads as before; format 2 writes it back with the linear layer's {@code out}.
     */
    @Test
    void format1JsonReadsAsBefore() {
        String minMax = "{\"input_size\":3,\"layers\":[{\"kind\":\"linear\",\"size\":2}],\"task\":\"regression\","
                + "\"loss\":\"l2\",\"class_count\":0,\"class_names\":[],\"normalization\":{\"method\":\"min-max\","
                + "\"min\":[-1.0,0.1,2.0],\"max\":[1.0,0.3,2.0]}}";
        String standardize = "{\"input_size\":2,\"layers\":[{\"kind\":\"linear\",\"size\":2}],\"task\":\"classification\","
                + "\"loss\":\"cross-entropy\",\"class_count\":2,\"class_names\":[\"a\",\"b\"],\"normalization\":"
                + "{\"method\":\"standardize\",\"mean\":[0.5,-3.0],\"std\":[0.0,1.25]}}";
        NetworkSpec scaled = SpecJson.read(minMax, "old.safetensors", 1);
        assertEquals(Normalize.minMax(new double[] {-1, 0.1, 2}, new double[] {1, 0.3, 2}), scaled.normalization());
        assertEquals(minMax.replace("\"size\"", "\"out\""), scaled.toJson());
        NetworkSpec standardized = SpecJson.read(standardize, "old.safetensors", 1);
        assertEquals(Normalize.standardize(new double[] {0.5, -3}, new double[] {0, 1.25}), standardized.normalization());
        assertArrayEquals(new double[] {1, 1.25}, standardized.normalization().scale(), 0.0);
        assertEquals(standardize.replace("\"size\"", "\"out\""), standardized.toJson());
        assertMessage("layers[0]: layer kind 'linear' takes the arguments [out, bias]; 'size' is not one of them",
                () -> NetworkSpec.fromJson(minMax, "new.safetensors"));
    }

    private static List<Double> toList(Tensor t) {
        return java.util.Arrays.stream(t.toDoubleArray()).boxed().toList();
    }

    @Test
    void refusesInvalidSpecsWithPreciseMessages() {
        List<LayerSpec> one = List.of(LayerSpec.linear(1));
        assertMessage("unknown activation 'swish'", () -> LayerSpec.activation("swish"));
        assertMessage("unknown layer kind 'swish'; the known kinds are [linear, multiplicative_combination, identity",
                () -> new LayerSpec("swish", LayerArguments.none()));
        assertMessage("a linear layer needs a positive size, got 0", () -> LayerSpec.linear(0));
        assertMessage("layer kind 'relu' takes no arguments; 'size' is not one of them",
                () -> new LayerSpec("relu", LayerArguments.of("size", 3)));
        assertMessage("layer layers.0 (linear): argument 'out' is 0; expected a positive whole number",
                () -> new NetworkSpec(2, List.of(new LayerSpec("linear", LayerArguments.of("out", 0))), "regression", "l2",
                        0, List.of(), null));
        assertMessage("positive input size, got 0", () -> new NetworkSpec(0, one, "regression", "l2", 0, List.of(), null));
        assertMessage("2 class names given for 3 classes",
                () -> new NetworkSpec(2, one, "classification", "cross-entropy", 3, List.of("a", "b"), null));
        assertMessage("normalization is for 1 features but the network has 2 inputs", () -> new NetworkSpec(2, one,
                "regression", "l2", 0, List.of(), Normalize.standardize(new double[] {0}, new double[] {1})));
        assertMessage("feature 0 has std -1.0", () -> Normalize.standardize(new double[] {0}, new double[] {-1}));
        assertMessage("feature 1 has min 2.0 > max 1.0",
                () -> Normalize.minMax(new double[] {0, 2}, new double[] {1, 1}));
        assertMessage("the network's loss must be named", () -> new NetworkSpec(2, one, "regression", " ", 0, List.of(), null));
    }

    @Test
    void refusesBadJsonNamingTheSourceAndKey() {
        assertMessage("network spec in m.safetensors: unknown key 'inputsize'",
                () -> NetworkSpec.fromJson("{\"inputsize\":2}", "m.safetensors"));
        assertMessage("network spec in m.safetensors: 'input_size' is \"2\"; expected an integer",
                () -> NetworkSpec.fromJson("{\"input_size\":\"2\",\"layers\":[],\"task\":\"t\",\"loss\":\"l\","
                        + "\"class_count\":0}", "m.safetensors"));
        assertMessage("network spec in m.safetensors is not well-formed JSON",
                () -> NetworkSpec.fromJson("{\"input_size\":", "m.safetensors"));
        assertMessage("normalization method 'zscore' is unknown", () -> NetworkSpec.fromJson("{\"input_size\":1,"
                + "\"layers\":[{\"kind\":\"linear\",\"out\":1}],\"task\":\"t\",\"loss\":\"l\",\"class_count\":0,"
                + "\"normalization\":{\"method\":\"zscore\"}}", "m.safetensors"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        String message = assertThrows(DescentException.class, action).getMessage();
        assertTrue(message.contains(expected), () -> "message lacks '" + expected + "': " + message);
    }
}
