package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shell transcripts of README.md: fenced blocks of {@code $ command} lines, each followed by what it printed. */
final class ReadmeBlocks {

    /** One line of README.md and its 1-based line number, for messages. */
    record Line(int number, String text) {
    }

    private final List<String> lines;

    private ReadmeBlocks(List<String> lines) {
        this.lines = lines;
    }

    /** README.md of the repository, read from the module folder as Maven runs the tests. */
    static ReadmeBlocks load() {
        try {
            return new ReadmeBlocks(Files.readAllLines(Path.of("..", "README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines printed by {@code prompt} (a whole line such as {@code "$ ./descent train --quiet"}, which must occur
     * exactly once inside a fenced block): those after it up to the next {@code $ } line or the end of the block,
     * without trailing blank lines.
     */
    List<Line> outputOf(String prompt) {
        int at = uniqueLine(prompt);
        assertTrue(insideFence(at), "README.md line " + (at + 1) + " '" + prompt + "' is not inside a fenced block");
        List<Line> output = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("$ ") && !lines.get(i).startsWith("```"); i++) {
            output.add(new Line(i + 1, lines.get(i)));
        }
        while (!output.isEmpty() && output.get(output.size() - 1).text().isBlank()) {
            output.remove(output.size() - 1);
        }
        assertTrue(!output.isEmpty(), "README.md shows no output after line " + (at + 1) + " '" + prompt + "'");
        return output;
    }

    /**
     * The contents of the fenced block that follows the block holding the line {@code command}, for a command shown
     * on its own with its output further down (as in "The two commands").
     */
    List<Line> nextBlockAfter(String command) {
        int at = uniqueLine(command);
        int open = -1;
        for (int i = at + 1, fences = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && ++fences == 2) {
                open = i;
                break;
            }
        }
        assertTrue(open > 0, "README.md has no block after '" + command + "'");
        List<Line> block = new ArrayList<>();
        for (int i = open + 1; !lines.get(i).startsWith("```"); i++) {
            block.add(new Line(i + 1, lines.get(i)));
        }
        return block;
    }

    /** Fails unless README.md contains {@code text} (possibly across a line break, which reads as a space). */
    void assertMentions(String text) {
        String readme = String.join("\n", lines);
        String pattern = Pattern.quote(text).replace(" ", "\\E\\s+\\Q");
        assertTrue(Pattern.compile(pattern).matcher(readme).find(),
                "README.md no longer mentions: " + text);
    }

    /** {@code X} in the README's prose "{@code `command` gives `X`}" (line breaks allowed between the words). */
    String givenBy(String command) {
        Matcher m = Pattern.compile(Pattern.quote("`" + command + "`") + "\\s+gives\\s+`([^`]*)`")
                .matcher(String.join("\n", lines));
        assertTrue(m.find(), "README.md no longer says what `" + command + "` gives");
        return m.group(1).replaceAll("\\s+", " ");
    }

    /** The rows of the Markdown tables, split into their trimmed cells. */
    List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("| ") && line.endsWith(" |")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(2, line.length() - 2).split(" \\| ")) {
                    cells.add(cell.trim());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Fails unless README.md has the line {@code text}, once. */
    void assertHasLine(String text) {
        uniqueLine(text);
    }

    private int uniqueLine(String text) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(text)) {
                if (found >= 0) {
                    fail("README.md has '" + text + "' twice, lines " + (found + 1) + " and " + (i + 1));
                }
                found = i;
            }
        }
        assertTrue(found >= 0, "README.md no longer has the line '" + text + "'");
        return found;
    }

    private boolean insideFence(int index) {
        long fences = lines.subList(0, index).stream().filter(l -> l.startsWith("```")).count();
        return fences % 2 == 1;
    }
}
