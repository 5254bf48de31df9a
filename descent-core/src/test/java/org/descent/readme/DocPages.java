package org.descent.readme;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The documentation pages, README.md and every {@code docs/*.md} (found by listing the folder, so a new page is
 * covered without naming it here), read from the module folder as Maven runs the tests.
 */
final class DocPages {
    static final Path ROOT = Path.of("..");

    private DocPages() {
    }

    /** Page name relative to the repository (e.g. {@code docs/LAYERS.md}) to its text, README.md first. */
    static Map<String, String> all() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<String> names = new ArrayList<>(List.of("README.md"));
            names.addAll(docs.map(p -> "docs/" + p.getFileName()).filter(n -> n.endsWith(".md")).sorted()
                    .collect(Collectors.toList()));
            Map<String, String> pages = new LinkedHashMap<>();
            for (String name : names) {
                pages.put(name, Files.readString(ROOT.resolve(name)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the one page that contains {@code text}; fails if none or several do. */
    static String pageContaining(String text, String what) {
        List<String> found = all().entrySet().stream().filter(e -> e.getValue().contains(text)).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        if (found.size() != 1) {
            fail((found.isEmpty() ? "no page (README.md, docs/*.md) contains " : "several pages " + found + " contain ")
                    + what + ":\n" + text);
        }
        return all().get(found.get(0));
    }
}
