package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.descent.cli.ReadmeBlocks.Transcript;

/**
 * Runs the command lines of the documentation with their files in one folder. {@code ./descent ARGS} (or
 * {@code descent ARGS}) runs in-process ({@link CliRun}); a relative file argument ({@code --out digits.safetensors})
 * is resolved in the folder, and the folder's path is removed from the output, so the output names the file as the
 * page does. The only other commands the pages show are {@code head -N FILE} and
 * {@code zcat FILE.gz | head -N | cut -d, -fA-B > OUT} (FILE.gz relative to the repository), done here in Java. A
 * file that a transcript says was written ({@code wrote gd.png}, {@code saved model to digits.safetensors}) must exist
 * and not be empty.
 */
final class TranscriptRunner {
    /** The options whose value is a file the command reads or writes. */
    private static final Set<String> FILE_OPTIONS =
            Set.of("--out", "--plot", "--checkpoint", "--resume", "--model", "--input", "--output", "--trace",
                    "--errors");
    private static final Pattern HEAD = Pattern.compile("head -(\\d+) (\\S+)");
    private static final Pattern ZCAT_CUT =
            Pattern.compile("zcat (\\S+\\.gz) \\| head -(\\d+) \\| cut -d, -f(\\d+)-(\\d+) > (\\S+)");

    /** An output line that names a file the command wrote, which must then be there and not empty. */
    private static final Pattern WROTE = Pattern.compile("(?:wrote|saved model to) (\\S+)");

    private final Path dir;

    TranscriptRunner(Path dir) {
        this.dir = dir;
    }

    /**
     * Runs a transcript and compares what it prints (standard output, then standard error) with the lines the page
     * shows. A {@code ./descent} command must exit with 2 when the last line shown is its error line
     * ({@code descent: ...}), else with 0.
     */
    void assertTranscript(Transcript transcript) {
        String command = transcript.command();
        Matcher head = HEAD.matcher(command);
        Matcher zcat = ZCAT_CUT.matcher(command);
        if (head.matches()) {
            List<String> lines = readLines(dir.resolve(head.group(2)));
            ElidedTranscript.assertMatches(transcript.output(),
                    lines.subList(0, Math.min(lines.size(), Integer.parseInt(head.group(1)))), command);
        } else if (zcat.matches()) {
            assertTrue(transcript.output().isEmpty(), transcript.prompt().where() + ": '" + command + "' prints nothing");
            write(dir.resolve(zcat.group(5)), firstRows(Path.of("..").resolve(zcat.group(1)),
                    Integer.parseInt(zcat.group(2)), Integer.parseInt(zcat.group(3)), Integer.parseInt(zcat.group(4))));
        } else if (command.startsWith("./descent ") || command.startsWith("descent ")) {
            assertTrue(!transcript.output().isEmpty(), transcript.prompt().where() + " shows no output of '" + command + "'");
            String last = transcript.output().get(transcript.output().size() - 1).text();
            assertPrints(transcript.output(), command, last.startsWith("descent: ") ? 2 : 0);
            for (ReadmeBlocks.Line line : transcript.output()) {
                Matcher wrote = WROTE.matcher(line.text());
                if (wrote.matches()) {
                    Path file = dir.resolve(wrote.group(1));
                    assertTrue(Files.isRegularFile(file) && size(file) > 0, line.where() + ": no file " + file);
                }
            }
        } else {
            fail(transcript.prompt().where() + ": ReadmeOutputsTest cannot run '" + command + "'; a transcript shows"
                    + " ./descent commands, head -N FILE and zcat FILE.gz | head -N | cut -d, -fA-B > FILE only");
        }
    }

    /** Runs {@code command} and compares its output with the lines {@code shown}, with the exit code expected. */
    void assertPrints(List<ReadmeBlocks.Line> shown, String command, int exitCode) {
        CliRun run = run(command);
        assertEquals(exitCode, run.exitCode(), command + "\n" + run.out() + run.err());
        ElidedTranscript.assertMatches(shown, unrooted(run.out() + run.err()).lines().collect(Collectors.toList()),
                command);
    }

    /** Runs a command line ({@code ./descent ARGS} or {@code descent ARGS}) with its files in the folder. */
    CliRun run(String command) {
        List<String> words = shellWords(command);
        assertTrue(words.get(0).equals("./descent") || words.get(0).equals("descent"), command);
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        for (int i = 1; i < args.size(); i++) {
            boolean file = FILE_OPTIONS.contains(args.get(i - 1))
                    || i == 1 && args.get(0).equals("import") && !args.get(1).startsWith("-");   // descent import FILE.onnx
            if (file && !Path.of(args.get(i)).isAbsolute()) {
                args.set(i, dir.resolve(args.get(i)).toString());
            }
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The output with the folder's path taken out of the file names. */
    String unrooted(String output) {
        return output.replace(dir + java.io.File.separator, "");
    }

    /** Words split at spaces, except inside single quotes (all the pages' commands need). */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        assertTrue(!quoted, "unbalanced quote in " + command);
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    /** What {@code zcat FILE | head -ROWS | cut -d, -fFROM-TO} prints. */
    private static List<String> firstRows(Path gzip, int rows, int from, int to) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().limit(rows)
                    .map(line -> Arrays.stream(line.split(",")).skip(from - 1L).limit(to - from + 1L)
                            .collect(Collectors.joining(",")))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
