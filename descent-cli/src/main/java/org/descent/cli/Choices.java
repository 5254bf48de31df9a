package org.descent.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.descent.minimize.Method;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The options whose values are a fixed set, as enums: help lists them
 * ({@code ${COMPLETION-CANDIDATES}}) and shell completion offers them. Each value's command-line
 * name is its {@code toString()}; names are matched ignoring case.
 */
final class Choices {
    private Choices() {
    }

    enum OptimizerName {
        SGD, MOMENTUM, NESTEROV, ADAM, ADAMW, RMSPROP, ADAGRAD;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum ScheduleName {
        CONSTANT, STEP, INVERSE, EXPONENTIAL, COSINE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum LossName {
        AUTO, CROSS_ENTROPY, BCE, L2, L1, HUBER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum TaskName {
        MULTICLASS, REGRESSION;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The minimizer's methods by their command-line names. */
    static final class Methods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Method.values()).map(Method::cliName).iterator();
        }
    }

    /** Registers the converters on {@code cli} and its subcommands. */
    static void register(CommandLine cli) {
        cli.registerConverter(OptimizerName.class, new Named<>(OptimizerName.values()));
        cli.registerConverter(ScheduleName.class, new Named<>(ScheduleName.values()));
        cli.registerConverter(LossName.class, new Named<>(LossName.values()));
        cli.registerConverter(TaskName.class, new Named<>(TaskName.values()));
        cli.registerConverter(CompletionCommand.Shell.class, new Named<>(CompletionCommand.Shell.values()));
    }

    /** Converts a command-line name to its value; an unknown name lists the known ones. */
    private record Named<E extends Enum<E>>(E[] values) implements ITypeConverter<E> {
        @Override
        public E convert(String text) {
            for (E value : values) {
                if (value.toString().equalsIgnoreCase(text) || value.name().equalsIgnoreCase(text)) {
                    return value;
                }
            }
            throw new TypeConversionException("'" + text + "' is unknown; use "
                    + Arrays.stream(values).map(E::toString).collect(Collectors.joining(", ")));
        }
    }
}
