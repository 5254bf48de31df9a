package org.descent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.descent.DescentException;

/**
 * Refuses, before a run starts, an output that would replace an input or another output:
 * {@code train --data data.csv --out data.csv} would overwrite the training data with the model,
 * {@code --out x --checkpoint x} the checkpoint with the model. The checkpoint may be the file
 * resumed from: a resumed run goes on saving where it was saved.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * @param dataSource the --data value (a file, a folder or a built-in name)
     * @param resume     the --resume file, or null
     * @param names      the option names of {@code outputs}, in order (the last is the checkpoint)
     */
    static void requireDistinct(String dataSource, Path resume, String[] names, Path... outputs) {
        Path data = Path.of(dataSource);
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == null) {
                continue;
            }
            if (Files.exists(data) && same(outputs[i], data)) {
                throw new DescentException(names[i] + " " + outputs[i] + " would overwrite the training data (--data "
                        + dataSource + "); write it elsewhere");
            }
            boolean checkpoint = i == outputs.length - 1;
            if (!checkpoint && resume != null && same(outputs[i], resume)) {
                throw new DescentException(names[i] + " " + outputs[i] + " would overwrite the checkpoint resumed from"
                        + " (--resume " + resume + "); write it elsewhere");
            }
            for (int j = 0; j < i; j++) {
                if (outputs[j] != null && same(outputs[i], outputs[j])) {
                    throw new DescentException(names[j] + " and " + names[i] + " name the same file " + outputs[i]
                            + "; one would overwrite the other, give each its own file");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
