package org.descent.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Sets up {@code System.out} and {@code System.err} for the command, once, before it runs.
 *
 * <ul>
 *   <li>Standard error goes to the file named by the system property {@code descent.stderr} when
 *       it is set: the launcher passes the real standard error as {@code /dev/fd/9}, so that the
 *       program's messages and progress bar reach the terminal directly while the JVM's own
 *       start-up notice is filtered out of descriptor 2.</li>
 *   <li>When the console's character set cannot encode the symbols the output uses
 *       ({@code → ‖ ∇ η}, as under {@code LC_ALL=C}), both streams spell them in ASCII
 *       ({@link AsciiFallback}) instead of printing {@code ?}.</li>
 * </ul>
 */
final class ConsoleStreams {
    /** Symbols that the command's output uses; if the console cannot encode them, ASCII is used. */
    static final String SYMBOLS = "→‖∇η×ε";

    private ConsoleStreams() {
    }

    static void install() {
        String errPath = System.getProperty("descent.stderr");
        OutputStream err = System.err;
        if (errPath != null && !errPath.isEmpty()) {
            try {
                // Appending: a standard error redirected to a file (2>log, 2>>log) is not overwritten.
                err = new FileOutputStream(errPath, true);
            } catch (FileNotFoundException | SecurityException e) {
                err = System.err;  // not reopenable (a socket, say): keep the JVM's descriptor 2
            }
        }
        Charset charset = consoleCharset();
        if (charset.newEncoder().canEncode(SYMBOLS)) {
            if (err != System.err) {
                System.setErr(new PrintStream(err, true, charset));
            }
        } else {
            OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 13);
            System.setOut(new PrintStream(new AsciiFallback(out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new AsciiFallback(new BufferedOutputStream(err, 1 << 10)), true,
                    StandardCharsets.UTF_8));
        }
    }

    /**
     * The character set the console takes: {@code descent.consoleEncoding} (the launcher's, when it
     * runs the JVM in a UTF-8 locale for file names under LC_ALL=C), {@code stdout.encoding} (Java 19 and later), else
     * {@code sun.stdout.encoding} (set on a terminal), else the platform default, which Java 17
     * takes from the locale.
     */
    static Charset consoleCharset() {
        for (String property : new String[] {"descent.consoleEncoding", "stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // an unknown name: try the next source
                }
            }
        }
        return Charset.defaultCharset();
    }
}
