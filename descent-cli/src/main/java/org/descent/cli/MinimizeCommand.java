package org.descent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.DescentException;
import org.descent.io.AtomicFiles;
import org.descent.minimize.ExpressionException;
import org.descent.minimize.Method;
import org.descent.minimize.MinimizationResult;
import org.descent.minimize.Minimizer;
import org.descent.minimize.MinimizerOptions;
import org.descent.minimize.Objective;
import org.descent.minimize.StopReason;
import org.descent.minimize.TraceCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent minimize 'EXPR'}: finds x with ∇f(x) = 0 for an expression in x1 … xn and prints
 * the report of {@link MinimizationResult#report()}: the minimizer, f there, ‖∇f‖, the Hessian,
 * its eigenvalues and the verdict. A run that diverges prints its report, then fails (exit 2).
 */
@Command(name = "minimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimize a function of x1 … xn and classify the point found by its Hessian.",
                "Example: descent minimize 'x1^2 + x1*(1-x2) + x2^2 - x2*x3 + x3^2 + x3'",
                "Operators + - * / ^ and parentheses; functions exp log sin cos tanh sigmoid softplus sqrt abs."})
final class MinimizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXPR", description = "The function, in x1, x2, …, e.g. 'x1^2 + 3*x2^2'.")
    String expression;

    @Option(names = "--start", paramLabel = "X", description = "The start point x0, comma-separated, "
            + "e.g. --start=-1.2,1 (default: the zero vector).")
    String start;

    @Option(names = "--method", defaultValue = "newton", paramLabel = "METHOD", completionCandidates = Choices.Methods.class,
            description = "closed-form (quadratics), "
            + "newton (on grad f = 0), gd (fixed step), sign (the lecture's sign-only rule), line-search (backtracking "
            + "Armijo) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--lr", paramLabel = "ETA", description = "Step size eta for gd and sign, first trial step for "
            + "line-search (defaults 0.1, 0.1, 1).")
    Double learningRate;

    @Option(names = "--eps1", defaultValue = "1e-14", paramLabel = "EPS1",
            description = "Stop when |f(x_k+1) - f(x_k)| < eps1; 0 = off (default ${DEFAULT-VALUE}).")
    double eps1;

    @Option(names = "--eps2", defaultValue = "1e-9", paramLabel = "EPS2",
            description = "Stop when |grad f(x_k)| < eps2; 0 = off (default ${DEFAULT-VALUE}).")
    double eps2;

    @Option(names = "--max-iter", defaultValue = "50000", paramLabel = "N",
            description = "Stop after N iterations (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--trace", paramLabel = "CSV", description = "Write every iterate (k, f, |grad f|, eta, x) as CSV.")
    Path trace;

    @Option(names = "--plot", paramLabel = "PNG", description = "Functions of two variables: draw the iterates over "
            + "contour lines of f.")
    Path plot;

    @Override
    public Integer call() {
        Objective f = parse(expression);
        double[] x0 = start == null ? new double[f.dimension()] : parseStart(start);
        if (plot != null && f.dimension() != 2) {
            throw new DescentException("--plot draws contour lines of a function of two variables, but '"
                    + f.description() + "' has " + f.dimension() + (f.dimension() == 1 ? " (x1)" : " (x1 … x"
                    + f.dimension() + ")") + "; leave out --plot");
        }
        for (Path file : new Path[] {trace, plot}) {
            if (file != null) {
                AtomicFiles.requireWritable(file);
            }
        }
        MinimizationResult result = new Minimizer(options()).minimize(f, x0);
        System.out.print(result.report());
        if (trace != null) {
            TraceCsv.write(trace, result.trace());
            System.out.println("wrote " + trace);
        }
        if (plot != null) {
            ContourPlot.draw(f, result.trace(), plot);
            System.out.println("wrote " + plot);
        }
        System.out.flush();
        if (result.stopReason() == StopReason.DIVERGED) {
            throw new DescentException("the minimization diverged: " + result.message());
        }
        return 0;
    }

    private MinimizerOptions options() {
        Method chosen = Method.fromName(method);
        MinimizerOptions options = MinimizerOptions.of(chosen).withEps1(eps1).withEps2(eps2)
                .withMaxIterations(maxIterations);
        if (learningRate != null) {
            if (chosen == Method.CLOSED_FORM || chosen == Method.NEWTON) {
                throw new DescentException("--lr has no effect with method " + chosen.cliName()
                        + "; it sets the step of gd, sign and line-search");
            }
            options = options.withLearningRate(learningRate);
        }
        return options;
    }

    /** Parses the expression; a syntax error becomes one line: the problem and its column. */
    private static Objective parse(String text) {
        try {
            return Objective.parse(text);
        } catch (ExpressionException e) {
            String message = e.getMessage();
            int lineEnd = message.indexOf('\n');
            String shown = text.length() <= 80 ? text : text.substring(0, 60) + "… (" + text.length() + " characters)";
            throw new DescentException("expression '" + shown + "': "
                    + (lineEnd < 0 ? message : message.substring(0, lineEnd)), e);
        }
    }

    /** "1, -2.5,3" → {1, -2.5, 3}. */
    static double[] parseStart(String text) {
        String[] parts = text.split(",", -1);
        double[] x = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                x[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new DescentException("--start " + text + ": value " + (i + 1) + " ('" + parts[i].trim()
                        + "') is not a number; give the start point as comma-separated numbers, e.g. --start=-1.2,1");
            }
            if (!Double.isFinite(x[i])) {
                throw new DescentException("--start " + text + ": value " + (i + 1) + " is not finite");
            }
        }
        return x;
    }
}
