package org.descent.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.descent.DescentException;
import org.descent.nn.Elu;
import org.descent.nn.Gelu;
import org.descent.nn.GeluTanh;
import org.descent.nn.Identity;
import org.descent.nn.LeakyRelu;
import org.descent.nn.Linear;
import org.descent.nn.LogSoftmax;
import org.descent.nn.Module;
import org.descent.nn.Relu;
import org.descent.nn.Sequential;
import org.descent.nn.Sigmoid;
import org.descent.nn.Silu;
import org.descent.nn.Softmax;
import org.descent.nn.Softplus;
import org.descent.nn.Tanh;

/**
 * The layer kinds a {@link NetworkSpec} can name: {@code linear} (with its output size) and the
 * activations {@code identity, sigmoid, tanh, relu, softplus, softmax, log_softmax, gelu, gelu_tanh,
 * silu, leaky_relu, elu}, each mapped to its module in {@code org.descent.nn} ({@code leaky_relu}
 * and {@code elu} with their default α only).
 */
public final class LayerKinds {
    /** The kind of a {@link Linear} layer. */
    public static final String LINEAR = "linear";

    private static final Map<String, Supplier<Module>> ACTIVATIONS = new LinkedHashMap<>();
    private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();

    static {
        ACTIVATIONS.put("identity", Identity::new);
        ACTIVATIONS.put("sigmoid", Sigmoid::new);
        ACTIVATIONS.put("tanh", Tanh::new);
        ACTIVATIONS.put("relu", Relu::new);
        ACTIVATIONS.put("softplus", Softplus::new);
        ACTIVATIONS.put("softmax", Softmax::new);
        ACTIVATIONS.put("log_softmax", LogSoftmax::new);
        // The toolbox activations; α of leaky_relu and elu is PyTorch's default (0.01, 1) until
        // layers carry arguments in the model file.
        ACTIVATIONS.put("gelu", Gelu::new);
        ACTIVATIONS.put("gelu_tanh", GeluTanh::new);
        ACTIVATIONS.put("silu", Silu::new);
        ACTIVATIONS.put("leaky_relu", LeakyRelu::new);
        ACTIVATIONS.put("elu", Elu::new);
        ACTIVATIONS.forEach((name, create) -> NAMES.put(create.get().getClass(), name));
    }

    private LayerKinds() {
    }

    /** The activation names, in a stable order. */
    public static Set<String> activationNames() {
        return Collections.unmodifiableSet(ACTIVATIONS.keySet());
    }

    static boolean isActivation(String kind) {
        return ACTIVATIONS.containsKey(kind);
    }

    /** A new module for {@code layer}, fed {@code inputSize} features; weights drawn from {@code random}. */
    static Module create(LayerSpec layer, int inputSize, Random random) {
        if (layer.kind().equals(LINEAR)) {
            return new Linear(inputSize, layer.size(), random);
        }
        return ACTIVATIONS.get(layer.kind()).get();
    }

    /** The layer specs describing {@code network}, refusing modules a spec cannot name. */
    public static List<LayerSpec> describe(Sequential network) {
        List<Module> modules = network.layers();
        LayerSpec[] layers = new LayerSpec[modules.size()];
        for (int i = 0; i < layers.length; i++) {
            Module m = modules.get(i);
            if ((m instanceof LeakyRelu leaky && leaky.alpha() != LeakyRelu.DEFAULT_ALPHA)
                    || (m instanceof Elu elu && elu.alpha() != Elu.DEFAULT_ALPHA)) {
                throw new DescentException("layer layers." + i + " is " + m + ", which a model file cannot describe"
                        + " yet: it stores leaky_relu and elu with their default alpha ("
                        + LeakyRelu.DEFAULT_ALPHA + ", " + Elu.DEFAULT_ALPHA + ") only");
            }
            if (m instanceof Linear linear) {
                layers[i] = LayerSpec.linear(linear.outFeatures());
            } else if (NAMES.containsKey(m.getClass())) {
                layers[i] = LayerSpec.activation(NAMES.get(m.getClass()));
            } else {
                throw new DescentException("layer layers." + i + " is " + m + ", which a model file cannot describe; "
                        + "use Linear and the activations " + activationNames());
            }
        }
        return List.of(layers);
    }
}
