package org.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of descent-core depend on each other without a cycle (in particular
 * {@code autograd} depends on {@code tensor}, never the reverse), read from the references in
 * the main sources with comments left out (a package is the lower-case part of a qualified name).
 */
class PackageCycleTest {
    private static final Path SOURCES = Path.of("src/main/java/org/descent");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.descent\\.((?:[a-z][a-z0-9]*\\.)+)[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** Package (the part after org.descent.) to the packages its sources refer to. */
    static Map<String, Set<String>> dependencies(Path sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = sources.relativize(file.getParent());
                String from = dir.toString().replace('/', '.');
                if (from.isEmpty()) {
                    continue;
                }
                String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String to = m.group(1).substring(0, m.group(1).length() - 1);
                    if (!to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** A cycle of packages (first = last), or an empty list. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, graph, path, done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> loop = new ArrayList<>(path.subList(at, path.size()));
            loop.add(node);
            return loop;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, graph, path, done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }

    @Test
    void autogradDependsOnTensorAndNotTheReverse() {
        Map<String, Set<String>> graph = dependencies(SOURCES);
        assertTrue(graph.get("autograd").contains("tensor"), "org.descent.autograd refers to " + graph.get("autograd"));
        assertFalse(graph.get("tensor").contains("autograd"), "org.descent.tensor refers to " + graph.get("tensor"));
    }

    @Test
    void thePackagesFormNoCycle() {
        List<String> cycle = cycle(dependencies(SOURCES));
        assertEquals(List.of(), cycle, "package cycle " + String.join(" -> ", cycle));
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>(
                Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of("a", "b", "c", "a"), cycle(graph));
        assertFalse(cycle(Map.of("a", Set.of("b"), "b", Set.of())).contains("a"));
    }
}
