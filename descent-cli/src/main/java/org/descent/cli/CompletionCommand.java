package org.descent.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent completion bash|zsh}: prints a shell completion script (picocli's
 * {@link AutoComplete}) for every command, option and fixed option value. The script is bash's;
 * zsh runs it through {@code bashcompinit}, which the script turns on itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for descent.",
                "bash: source <(./descent completion bash)   (or save it in /etc/bash_completion.d/descent)",
                "zsh:  source <(./descent completion zsh)    (e.g. in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell {
        BASH, ZSH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("descent", spec.root().commandLine());
        if (shell == Shell.ZSH) {
            script = "#compdef descent\n" + script;
        }
        System.out.print(script);
        System.out.flush();
        return 0;
    }
}
