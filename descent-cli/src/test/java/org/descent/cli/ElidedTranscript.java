package org.descent.cli;

import java.util.ArrayList;
import java.util.List;
import org.descent.cli.ReadmeBlocks.Line;

/**
 * Compares printed lines with a transcript of a documentation page. A page line {@code ...} stands for any number of
 * lines (a page shows some epochs only), a page line ending in {@code " …"} for any ending of that line, and the time
 * and samples/s at the end of an epoch line are not compared; every other character must be equal.
 */
final class ElidedTranscript {
    private static final String ELISION = "...";
    private static final String CUT = " …";

    private ElidedTranscript() {
    }

    /** Fails with the page's line and the printed line that differ, and the whole output. */
    static void assertMatches(List<Line> readme, List<String> printed, String command) {
        List<List<Line>> segments = new ArrayList<>();
        List<Line> segment = new ArrayList<>();
        for (Line line : readme) {
            if (line.text().equals(ELISION)) {
                segments.add(segment);
                segment = new ArrayList<>();
            } else {
                segment.add(line);
            }
        }
        segments.add(segment);
        int from = 0;
        for (int s = 0; s < segments.size(); s++) {
            List<Line> expected = segments.get(s);
            boolean first = s == 0;
            boolean last = s == segments.size() - 1;
            int at;
            if (last) {
                at = first ? 0 : Math.max(from, printed.size() - expected.size());
                if (first && printed.size() > expected.size()) {
                    fail(command, "the transcript ends at " + readme.get(readme.size() - 1).where()
                            + " but the command also printed\n  " + printed.get(expected.size()), printed);
                }
            } else {
                at = first ? 0 : find(expected, printed, from);
            }
            for (int k = 0; k < expected.size(); k++) {
                Line line = expected.get(k);
                if (at + k >= printed.size()) {
                    fail(command, line.where() + " expects\n  " + line.text()
                            + "\nbut the output ended", printed);
                }
                if (!same(line.text(), printed.get(at + k))) {
                    fail(command, line.where() + " expects\n  " + line.text()
                            + "\nbut output line " + (at + k + 1) + " is\n  " + printed.get(at + k), printed);
                }
            }
            from = at + expected.size();
        }
    }

    /** Where {@code expected} first occurs at or after {@code from}; otherwise the start of the closest line. */
    private static int find(List<Line> expected, List<String> printed, int from) {
        if (expected.isEmpty()) {
            return from;
        }
        for (int at = from; at + expected.size() <= printed.size(); at++) {
            boolean all = true;
            for (int k = 0; k < expected.size() && all; k++) {
                all = same(expected.get(k).text(), printed.get(at + k));
            }
            if (all) {
                return at;
            }
        }
        int closest = from;
        for (int at = from, longest = -1; at < printed.size(); at++) {
            int common = commonPrefix(expected.get(0).text(), printed.get(at));
            if (common > longest) {
                longest = common;
                closest = at;
            }
        }
        return closest;
    }

    static boolean same(String readme, String printed) {
        String expected = masked(readme);
        String actual = masked(printed);
        return expected.equals(actual)
                || expected.endsWith(CUT) && actual.startsWith(expected.substring(0, expected.length() - CUT.length()));
    }

    /** "η 0.00100  0.1s  10,322 samples/s" → "η 0.00100  (time)  (rate) samples/s". */
    private static String masked(String line) {
        return line.replaceAll("  \\d+\\.\\ds  [\\d,]+ samples/s$", "  (time)  (rate) samples/s");
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static void fail(String command, String difference, List<String> printed) {
        org.junit.jupiter.api.Assertions.fail("the docs are out of date for '" + command + "': " + difference
                + "\n--- the command printed ---\n" + shortened(printed));
    }

    /** All of a short output; the first and last lines of a long one. */
    private static String shortened(List<String> printed) {
        int keep = 20;
        if (printed.size() <= 3 * keep) {
            return String.join("\n", printed);
        }
        return String.join("\n", printed.subList(0, keep)) + "\n... (" + (printed.size() - 2 * keep) + " lines)\n"
                + String.join("\n", printed.subList(printed.size() - keep, printed.size()));
    }
}
