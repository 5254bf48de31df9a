package org.descent.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The relative links of README.md and docs/*.md lead somewhere: the file exists, and a {@code #fragment} names a
 * heading of the target page (GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, a repeated
 * heading suffixed {@code -1}, {@code -2}, ...). Links to http(s) addresses are not followed.
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        Map<String, String> pages = DocPages.all();
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path from = DocPages.ROOT.resolve(page.getKey()).getParent();
            for (String target : links(page.getValue())) {
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? DocPages.ROOT.resolve(page.getKey()) : from.resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page.getKey() + ": " + target + " (no file " + resolved + ")");
                } else if (hash >= 0) {
                    String fragment = target.substring(hash + 1);
                    String text = pageText(resolved);
                    if (text == null || !anchors(text).contains(fragment)) {
                        broken.add(page.getKey() + ": " + target + " (no heading with anchor #" + fragment + ")");
                    }
                }
            }
        }
        assertTrue(links > 20, "only " + links + " relative links found: is the scan broken?");
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals(Set.of("optimizers-step-sizes-and-stop-rules-orgdescentoptim", "descent-minimize-expr",
                        "descent-analyze---model-file---data-source", "the-lectures-stop-rules", "a-b", "a-b-1"),
                anchors("## Optimizers, step sizes and stop rules (`org.descent.optim`)\n### `descent minimize 'EXPR'`\n"
                        + "### `descent analyze --model FILE --data SOURCE`\n# The lecture's stop rules\n"
                        + "```\n# not a heading\n```\n## A b\n## a B\n"));
    }

    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
            } else if (!fence) {
                Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /** The anchors GitHub gives the headings of {@code markdown} (headings inside fenced blocks are not headings). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
            } else if (!fence && line.matches("^#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").trim().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return anchors;
    }

    private static String pageText(Path file) {
        try {
            return file.toString().endsWith(".md") ? Files.readString(file) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
