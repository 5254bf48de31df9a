package org.descent.nn;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.descent.DescentException;
import org.descent.tensor.Shape;

/**
 * The one table from layer kind to module class and back, which model files use to describe a
 * network and to rebuild it. Built in: {@code linear}, {@code multiplicative_combination},
 * {@code dropout}, {@code batch_norm}, {@code layer_norm} and the {@link Activations}. A new layer kind is one {@link LayerType} (best kept as a constant in the
 * layer's own file) and one {@link #register} call; a module whose class is not registered (a
 * custom {@link Activation}, say) cannot be saved, and saving it says so.
 */
public final class LayerRegistry {
    /**
     * {@code {"kind": "linear", "out": n}}: {@link Linear}, weight (out, in) and bias (out);
     * {@code {"kind": "linear", "out": n, "bias": false}} without the bias.
     */
    public static final LayerType<Linear> LINEAR = new LayerType<>("linear", Linear.class, List.of("out", "bias"),
            (args, in, random) -> new Linear(in, args.size("out"), args.flag("bias", true), random),
            linear -> linear.hasBias() ? LayerArguments.of("out", linear.outFeatures())
                    : LayerArguments.of("out", linear.outFeatures(), "bias", false),
            (args, in) -> args.flag("bias", true)
                    ? LayerLayout.of(args.size("out"), "weight", Shape.of(args.size("out"), in), "bias", Shape.of(args.size("out")))
                    : LayerLayout.of(args.size("out"), "weight", Shape.of(args.size("out"), in)));

    /** {@code {"kind": "multiplicative_combination", "units": u, "out": n}}: {@link MultiplicativeCombination}. */
    public static final LayerType<MultiplicativeCombination> MULTIPLICATIVE_COMBINATION = new LayerType<>(
            "multiplicative_combination", MultiplicativeCombination.class, List.of("units", "out"),
            (args, in, random) -> new MultiplicativeCombination(in, args.size("units"), args.size("out"), random),
            m -> LayerArguments.of("units", m.units(), "out", m.outFeatures()),
            (args, in) -> LayerLayout.of(args.size("out"), "linear.weight", Shape.of(args.size("units"), in),
                    "linear.bias", Shape.of(args.size("units")), "alpha", Shape.of(args.size("units"), args.size("out"))));

    private static final Map<String, LayerType<?>> BY_KIND = new LinkedHashMap<>();
    private static final Map<Class<?>, LayerType<?>> BY_CLASS = new HashMap<>();

    static {
        register(LINEAR);
        register(MULTIPLICATIVE_COMBINATION);
        Activations.registerAll();
        register(Dropout.TYPE);
        register(BatchNorm1d.TYPE);
        register(LayerNorm.TYPE);
    }

    private LayerRegistry() {
    }

    /**
     * Makes {@code type} known to model files. Registering the same type again does nothing; a
     * kind or a class already registered by another type is refused.
     */
    public static synchronized void register(LayerType<?> type) {
        LayerType<?> byKind = BY_KIND.get(type.kind());
        LayerType<?> byClass = BY_CLASS.get(type.moduleClass());
        if (byKind == type && byClass == type) {
            return;
        }
        if (byKind != null || byClass != null) {
            throw new DescentException("cannot register layer kind '" + type.kind() + "' for "
                    + type.moduleClass().getSimpleName() + ": " + (byKind != null
                    ? "kind '" + type.kind() + "' is already " + byKind.moduleClass().getSimpleName()
                    : type.moduleClass().getSimpleName() + " is already kind '" + byClass.kind() + "'"));
        }
        BY_KIND.put(type.kind(), type);
        BY_CLASS.put(type.moduleClass(), type);
    }

    /** The registered kinds, built-in ones first. */
    public static synchronized Set<String> kinds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(BY_KIND.keySet()));
    }

    /** The type registered as {@code kind}; an unknown kind is refused, listing the known ones. */
    public static synchronized LayerType<?> type(String kind) {
        LayerType<?> type = BY_KIND.get(kind);
        if (type == null) {
            throw new DescentException("unknown layer kind '" + kind + "'; the known kinds are " + BY_KIND.keySet());
        }
        return type;
    }

    /** The spec of {@code module}; {@code where} (e.g. {@code layers.2}) names it if its class is not registered. */
    public static LayerSpec describe(Module module, String where) {
        LayerType<?> type;
        synchronized (LayerRegistry.class) {
            type = BY_CLASS.get(module.getClass());
        }
        if (type == null) {
            throw new DescentException("layer " + where + " is " + module + ", which a model file cannot describe; "
                    + "register its kind with LayerRegistry.register, or use the registered kinds " + kinds());
        }
        return new LayerSpec(type.kind(), type.describe(module));
    }

    /** What {@code spec} fed {@code inputSize} features will hold, before it is built. */
    public static LayerLayout layout(LayerSpec spec, int inputSize) {
        return type(spec.kind()).layouter().layout(spec.arguments(), inputSize);
    }

    /** A new module for {@code spec} fed {@code inputSize} features, its weights drawn from {@code random}. */
    public static Module create(LayerSpec spec, int inputSize, Random random) {
        LayerType<?> type = type(spec.kind());
        Module module = type.create(spec.arguments(), inputSize, random);
        if (module.getClass() != type.moduleClass()) {
            throw new DescentException("layer kind '" + spec.kind() + "' built a " + module.getClass().getSimpleName()
                    + " instead of a " + type.moduleClass().getSimpleName());
        }
        return module;
    }
}
