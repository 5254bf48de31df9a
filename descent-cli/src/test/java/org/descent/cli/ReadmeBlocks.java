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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The documentation pages, README.md and every {@code docs/*.md} (found by listing the folder, so a new page is
 * covered without naming it here), and their shell transcripts: fenced blocks of {@code $ command} lines, each
 * followed by what it printed.
 */
final class ReadmeBlocks {

    /** One line of a page, its 1-based line number and the page's name (e.g. {@code docs/CLI.md}), for messages. */
    record Line(String page, int number, String text) {
        String where() {
            return page + " line " + number;
        }
    }

    /** One page: its name relative to the repository and its lines. */
    record Page(String name, List<String> lines) {
    }

    /** A {@code $ command} line of a fenced block and the lines it printed (up to the next {@code $ } or the fence). */
    record Transcript(Line prompt, String command, List<Line> output) {
    }

    private static final Path ROOT = Path.of("..");

    private final List<Page> pages;

    private ReadmeBlocks(List<Page> pages) {
        this.pages = pages;
    }

    /** README.md and docs/*.md of the repository, read from the module folder as Maven runs the tests. */
    static ReadmeBlocks load() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<String> names = new ArrayList<>(List.of("README.md"));
            names.addAll(docs.map(p -> "docs/" + p.getFileName()).filter(n -> n.endsWith(".md")).sorted()
                    .collect(Collectors.toList()));
            List<Page> pages = new ArrayList<>();
            for (String name : names) {
                pages.add(new Page(name, Files.readAllLines(ROOT.resolve(name))));
            }
            return new ReadmeBlocks(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Page> pages() {
        return pages;
    }

    /**
     * The transcripts of {@code page}, in page order: every {@code $ } line of each fenced block that shows at least one
     * {@code $ ./descent } command (a block of other shell commands only, such as a benchmark's, is not a transcript).
     */
    static List<Transcript> transcripts(Page page) {
        List<String> lines = page.lines();
        List<Transcript> transcripts = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            if (open < 0) {
                open = i;
                continue;
            }
            List<String> block = lines.subList(open + 1, i);
            if (block.stream().anyMatch(l -> l.startsWith("$ ./descent "))) {
                for (int k = 0; k < block.size(); k++) {
                    if (block.get(k).startsWith("$ ")) {
                        transcripts.add(transcriptAt(page, open + 1 + k, i));
                    }
                }
            }
            open = -1;
        }
        return transcripts;
    }

    private static Transcript transcriptAt(Page page, int at, int fence) {
        List<String> lines = page.lines();
        List<Line> output = new ArrayList<>();
        for (int i = at + 1; i < fence && !lines.get(i).startsWith("$ "); i++) {
            output.add(new Line(page.name(), i + 1, lines.get(i)));
        }
        while (!output.isEmpty() && output.get(output.size() - 1).text().isBlank()) {
            output.remove(output.size() - 1);
        }
        return new Transcript(new Line(page.name(), at + 1, lines.get(at)), lines.get(at).substring(2), output);
    }

    /**
     * The contents of the fenced block that follows the block holding the line {@code command} (a line that must occur
     * once in all pages), for a command shown on its own with its output further down (as in "The two commands").
     */
    List<Line> nextBlockAfter(String command) {
        Line found = uniqueLine(command);
        List<String> lines = page(found.page()).lines();
        int open = -1;
        for (int i = found.number(), fences = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && ++fences == 2) {
                open = i;
                break;
            }
        }
        assertTrue(open > 0, found.page() + " has no block after '" + command + "'");
        List<Line> block = new ArrayList<>();
        for (int i = open + 1; !lines.get(i).startsWith("```"); i++) {
            block.add(new Line(found.page(), i + 1, lines.get(i)));
        }
        return block;
    }

    /** Fails unless a page contains {@code text} (possibly across a line break, which reads as a space). */
    void assertMentions(String text) {
        Pattern pattern = Pattern.compile(Pattern.quote(text).replace(" ", "\\E\\s+\\Q"));
        assertTrue(pages.stream().anyMatch(p -> pattern.matcher(String.join("\n", p.lines())).find()),
                "no page (README.md, docs/*.md) mentions any longer: " + text);
    }

    /** {@code X} in a page's prose "{@code `command` gives `X`}" (line breaks allowed between the words). */
    String givenBy(String command) {
        Pattern pattern = Pattern.compile(Pattern.quote("`" + command + "`") + "\\s+gives\\s+`([^`]*)`");
        for (Page page : pages) {
            Matcher m = pattern.matcher(String.join("\n", page.lines()));
            if (m.find()) {
                return m.group(1).replaceAll("\\s+", " ");
            }
        }
        return fail("no page (README.md, docs/*.md) says any longer what `" + command + "` gives");
    }

    /** The rows of the Markdown tables of all pages, split into their trimmed cells. */
    List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (String line : page.lines()) {
                if (line.startsWith("| ") && line.endsWith(" |")) {
                    List<String> cells = new ArrayList<>();
                    for (String cell : line.substring(2, line.length() - 2).split(" \\| ")) {
                        cells.add(cell.trim());
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private Page page(String name) {
        return pages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private Line uniqueLine(String text) {
        Line found = null;
        for (Page page : pages) {
            for (int i = 0; i < page.lines().size(); i++) {
                if (page.lines().get(i).equals(text)) {
                    Line line = new Line(page.name(), i + 1, text);
                    if (found != null) {
                        fail("'" + text + "' occurs twice, at " + found.where() + " and " + line.where());
                    }
                    found = line;
                }
            }
        }
        assertTrue(found != null, "no page (README.md, docs/*.md) has the line '" + text + "' any longer");
        return found;
    }
}
