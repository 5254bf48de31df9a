package org.descent.nn;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.descent.DescentException;

/**
 * One kind of layer a model file can name: its {@code kind} (the JSON name), the module class,
 * the names of the arguments it takes, and three functions: build a module from arguments, give
 * the arguments of a built module back, and say what a module of those arguments will hold
 * before it is built. Registered with {@link LayerRegistry#register}. The linear layer:
 *
 * <pre>{@code
 * new LayerType<>("linear", Linear.class, List.of("out"),
 *         (args, in, random) -> new Linear(in, args.size("out"), random),
 *         linear -> LayerArguments.of("out", linear.outFeatures()),
 *         (args, in) -> LayerLayout.of(args.size("out"), "weight", Shape.of(args.size("out"), in),
 *                 "bias", Shape.of(args.size("out"))));
 * }</pre>
 *
 * @param <M> the module class; a subclass is a different kind (lookup is by exact class)
 */
public record LayerType<M extends Module>(String kind, Class<M> moduleClass, List<String> arguments,
                                          Factory<M> factory, Describer<M> describer, Layouter layouter) {

    /** Builds a module fed {@code inputSize} features, its weights drawn from {@code random}. */
    @FunctionalInterface
    public interface Factory<M> {
        M create(LayerArguments arguments, int inputSize, Random random);
    }

    /** The arguments that rebuild {@code module}. */
    @FunctionalInterface
    public interface Describer<M> {
        LayerArguments describe(M module);
    }

    /** The output size and state shapes of a module of these arguments fed {@code inputSize} features. */
    @FunctionalInterface
    public interface Layouter {
        LayerLayout layout(LayerArguments arguments, int inputSize);
    }

    public LayerType {
        Objects.requireNonNull(kind, "kind");
        if (!kind.matches("[a-z][a-z0-9_]*")) {
            throw new DescentException("a layer kind is lower case letters, digits and '_', got '" + kind + "'");
        }
        Objects.requireNonNull(moduleClass, "moduleClass");
        arguments = List.copyOf(arguments);
        if (arguments.contains("kind")) {
            throw new DescentException("layer kind '" + kind + "' cannot have an argument named 'kind'");
        }
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(describer, "describer");
        Objects.requireNonNull(layouter, "layouter");
    }

    /** A layer without arguments or tensors that keeps the number of features, e.g. an activation. */
    public static <M extends Module> LayerType<M> stateless(String kind, Class<M> moduleClass, Supplier<M> create) {
        return new LayerType<>(kind, moduleClass, List.of(), (args, in, random) -> create.get(),
                module -> LayerArguments.none(), (args, in) -> LayerLayout.sameSize(in));
    }

    /** Refuses argument names this kind does not take. */
    void checkArguments(LayerArguments given) {
        for (String name : given.values().keySet()) {
            if (!arguments.contains(name)) {
                throw new DescentException("layer kind '" + kind + "' takes " + (arguments.isEmpty() ? "no arguments"
                        : "the arguments " + arguments) + "; '" + name + "' is not one of them");
            }
        }
    }

    Module create(LayerArguments given, int inputSize, Random random) {
        return factory.create(given, inputSize, random);
    }

    LayerArguments describe(Module module) {
        return describer.describe(moduleClass.cast(module));
    }
}
