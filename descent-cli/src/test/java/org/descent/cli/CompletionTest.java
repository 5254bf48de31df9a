package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent completion bash} gives a script that bash runs: it completes commands, options
 * and the values of the options with a fixed set, as the completion function would on TAB.
 */
class CompletionTest {
    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsOptionsAndFixedValues() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.exitCode(), run.err());
        Path script = Files.writeString(dir.resolve("descent.bash"), run.out());
        assertEquals(List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"), complete(script, "descent train --optimizer "));
        assertEquals(List.of("constant", "step", "inverse", "exponential", "cosine"), complete(script, "descent train --schedule "));
        List<String> activations = NetworkOptions.hiddenActivations();
        assertTrue(activations.containsAll(List.of("identity", "relu", "sigmoid", "softplus", "tanh")), "" + activations);
        assertEquals(activations, complete(script, "descent train --activation "));
        assertEquals(List.of("closed-form", "newton", "gd", "sign", "line-search"),
                complete(script, "descent minimize --method "));
        assertEquals(List.of("train"), complete(script, "descent tr"));
        assertEquals(List.of("completion"), complete(script, "descent comp"));
        assertTrue(complete(script, "descent evaluate --").contains("--errors"));
    }

    @Test
    void zshGetsTheSameScriptUnderACompdefLine() {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertEquals(0, zsh.exitCode(), zsh.err());
        assertEquals("#compdef descent\n" + CliRun.of("completion", "bash").out(), zsh.out());
        assertTrue(zsh.out().contains("bashcompinit"), "the script turns on zsh's bash completion");
    }

    /** Needs zsh ({@code .ci/run} installs it): the script registers itself and completes under zsh's bash emulation. */
    @Test
    @Tag("slow")
    void zshRegistersTheScriptAndCompletesValues() throws Exception {
        Path script = Files.writeString(dir.resolve("descent.zsh"), CliRun.of("completion", "zsh").out());
        String zsh = "autoload -U compinit && compinit -u -d '" + dir.resolve("zcompdump") + "'; source '" + script
                + "'; print -r -- \"registered: ${_comps[descent]}\"; emulate -L sh; setopt kshglob noshglob braceexpand;"
                + " COMP_WORDS=(descent train --schedule ''); COMP_CWORD=3; COMP_LINE='descent train --schedule ';"
                + " COMP_POINT=${#COMP_LINE}; _complete_descent 2>/dev/null; print -l -- \"${COMPREPLY[@]}\"";
        Process process;
        try {
            process = new ProcessBuilder("zsh", "-f", "-c", zsh).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("zsh is missing: apt-get install zsh (or skip slow tests: -DexcludedGroups=slow)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertTrue(lines.get(0).startsWith("registered: _bash_complete -F _complete_descent"), out);
        assertEquals(List.of("constant", "step", "inverse", "exponential", "cosine"), lines.subList(1, lines.size()), out);
    }

    /** What the completion function offers for {@code line} (the cursor at its end), as bash would on TAB. */
    private static List<String> complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String bash = "source '" + script + "'; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(" + words
                + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_descent 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process process = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return out.lines().filter(s -> !s.isEmpty()).map(String::strip).toList();
    }
}
