package org.descent.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The table of built-in activation layers by name, the one place the names are defined: the
 * model file's layer kinds ({@link LayerRegistry}) and the CLI's {@code --activation} read it.
 * An entry is a name and the constructor of an argument-less module; adding a row makes the
 * activation saveable in model files.
 */
public final class Activations {
    private static final Map<String, Supplier<Module>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("identity", Identity::new);
        TABLE.put("sigmoid", Sigmoid::new);
        TABLE.put("tanh", Tanh::new);
        TABLE.put("relu", Relu::new);
        TABLE.put("softplus", Softplus::new);
        TABLE.put("softmax", Softmax::new);
        TABLE.put("log_softmax", LogSoftmax::new);
        TABLE.put("gelu", Gelu::new);
        TABLE.put("gelu_tanh", GeluTanh::new);
        TABLE.put("silu", Silu::new);
        TABLE.put("leaky_relu", LeakyRelu::new);   // α = 0.01 here; the layer kind takes "alpha"
        TABLE.put("elu", Elu::new);                // α = 1 here; the layer kind takes "alpha"
    }

    /** Entries whose layer kind takes arguments (their own {@link LayerType}), instead of the argument-less one. */
    private static final Map<String, LayerType<?>> WITH_ARGUMENTS = Map.of(
            "leaky_relu", LeakyRelu.TYPE, "elu", Elu.TYPE);

    private Activations() {
    }

    /** The activation names, in a stable order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    /** The activations whose output is a distribution over the features (softmax, log_softmax), not element-wise. */
    public static boolean normalizesRows(String name) {
        return name.endsWith("softmax");
    }

    /** A new activation module by name, or null if the name is not in the table. */
    public static Module create(String name) {
        Supplier<Module> create = TABLE.get(name);
        return create == null ? null : create.get();
    }

    /** The table's entries as layer kinds, for {@link LayerRegistry}. */
    static void registerAll() {
        TABLE.forEach((name, create) -> {
            LayerType<?> own = WITH_ARGUMENTS.get(name);
            if (own != null) {
                LayerRegistry.register(own);
            } else {
                register(name, create);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <M extends Module> void register(String name, Supplier<Module> create) {
        Class<M> type = (Class<M>) create.get().getClass();
        LayerRegistry.register(LayerType.stateless(name, type, () -> type.cast(create.get())));
    }
}
