package org.descent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.descent.cli.dashboard.DashboardCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code descent} command. Any failure (bad option, bad file, diverging training, and a bug
 * in Descent too) is one clear line on stderr and exit code 2 (see {@link ErrorLine}); the stack
 * trace only with {@code --verbose}.
 */
@Command(name = "descent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Learns networks: backpropagation and gradient descent on the JVM.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, MinimizeCommand.class,
                AnalyzeCommand.class, SummaryCommand.class, CompletionCommand.class, DashboardCommand.class,
                ExportCommand.class, ImportCommand.class})
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
        ConsoleStreams.install();
        int code = run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** The kernels name themselves at INFO when they start; shown only with --verbose. */
    private static final Logger DESCENT_LOG = Logger.getLogger("org.descent");

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        DESCENT_LOG.setLevel(Arrays.asList(args).contains("--verbose") ? Level.INFO : Level.WARNING);
        CommandLine cli = new CommandLine(new Main());
        Choices.register(cli);
        // So that an expression starting with a minus sign, descent minimize '-x1^2', is not taken for an option.
        cli.getSubcommands().get("minimize").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            return ErrorLine.print(commandLine.getErr(), ErrorLine.of(e), e, verbose);
        });
        cli.setParameterExceptionHandler((e, a) -> ErrorLine.print(e.getCommandLine().getErr(), ErrorLine.of(e), null,
                false));
        try {
            return cli.execute(args);
        } catch (Throwable e) {
            // Errors (StackOverflowError, OutOfMemoryError, ...) pass picocli's handler, which sees only Exceptions.
            PrintWriter err = new PrintWriter(System.err, true);
            return ErrorLine.print(err, ErrorLine.of(e), e, Arrays.asList(args).contains("--verbose"));
        }
    }
}
