package org.descent.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.descent.DescentException;
import picocli.CommandLine;

/**
 * The CLI's last line of defence: whatever goes wrong becomes one line on stderr and exit code
 * 2. A {@link DescentException} is the user's problem and says what to do; an option picocli
 * cannot parse names the command's help and picocli's suggestion ("did you mean"); running out
 * of memory gives the heap in use and a larger one to try; anything else, {@link Error}s such as
 * {@link StackOverflowError} included, is a bug in Descent and says so, asking for a report.
 * {@code --verbose} adds the stack trace after the line.
 */
final class ErrorLine {
    private ErrorLine() {
    }

    /** The one line for {@code failure}, without the "descent: " prefix. */
    static String of(Throwable failure) {
        if (failure instanceof DescentException || failure instanceof java.io.UncheckedIOException) {
            return oneLine(failure.getMessage());
        }
        if (failure instanceof java.nio.file.InvalidPathException path) {
            return "cannot use the path '" + path.getInput() + "': " + path.getReason() + "; file names are encoded in "
                    + System.getProperty("sun.jnu.encoding") + " under this locale: use a UTF-8 locale (e.g. LC_ALL=C.UTF-8)"
                    + " or an ASCII path";
        }
        if (failure instanceof OutOfMemoryError) {
            long maxMegabytes = Runtime.getRuntime().maxMemory() >> 20;
            long suggestGigabytes = Math.max(1, (2 * maxMegabytes + 1023) / 1024);
            return String.format(Locale.ROOT, "out of memory (the JVM may use at most %d MB); give it more, e.g."
                    + " DESCENT_JAVA_OPTS=-Xmx%dg ./descent ..., or use less data", maxMegabytes, suggestGigabytes);
        }
        return "internal error: " + oneLine(String.valueOf(failure)) + " (a bug in Descent; please report it with the"
                + " command that caused it; --verbose shows the stack trace)";
    }

    /** The line for an option picocli could not parse: its message, picocli's suggestions, where the help is. */
    static String of(CommandLine.ParameterException e) {
        StringBuilder line = new StringBuilder(oneLine(e.getMessage()));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append('?');
            }
        }
        return line.append(" (see '").append(e.getCommandLine().getCommandSpec().qualifiedName())
                .append(" --help')").toString();
    }

    /** Prints the line, then the stack trace if {@code verbose}; returns the exit code. */
    static int print(PrintWriter err, String line, Throwable failure, boolean verbose) {
        err.println("descent: " + line);
        if (verbose && failure != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return Main.USER_ERROR;
    }

    /** Lines joined by spaces, so that no message takes more than one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
