package org.descent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.descent.DescentException;
import org.descent.cli.dashboard.DashboardCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code descent} command. A user error (bad option, bad file, diverging training) is one
 * clear line on stderr and exit code 2; the stack trace only with {@code --verbose}.
 */
@Command(name = "descent", mixinStandardHelpOptions = true, version = "descent 0.1.0",
        description = "Learns networks: backpropagation and gradient descent on the JVM.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, MinimizeCommand.class,
                AnalyzeCommand.class, DashboardCommand.class})
public final class Main implements Runnable {
    /** Exit code for a user error: bad input, bad options, a run that diverged. */
    static final int USER_ERROR = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The kernels name themselves at INFO when they start; shown only with --verbose. */
    private static final Logger DESCENT_LOG = Logger.getLogger("org.descent");

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        DESCENT_LOG.setLevel(Arrays.asList(args).contains("--verbose") ? Level.INFO : Level.WARNING);
        CommandLine cli = new CommandLine(new Main());
        // So that an expression starting with a minus sign, descent minimize '-x1^2', is not taken for an option.
        cli.getSubcommands().get("minimize").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            PrintWriter err = commandLine.getErr();
            if (e instanceof DescentException || e instanceof java.io.UncheckedIOException) {
                err.println("descent: " + e.getMessage());
            } else {
                err.println("descent: internal error: " + e);
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("descent: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return USER_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.printf(Locale.ROOT, "descent: out of memory (the JVM may use at most %d MB); give it more,"
                    + " e.g. DESCENT_JAVA_OPTS=-Xmx4g ./descent ..., or train on less data%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            return USER_ERROR;
        }
    }
}
