package org.descent.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;

/**
 * The settings that decide a run's result besides the network (seed, batch size, optimizer and
 * its hyperparameters, schedule, data source and size), as named values: a checkpoint records
 * them, and a resume whose settings differ is refused naming the setting and both values, since
 * it could not end where the uninterrupted run would have ("bit for bit").
 *
 * <p>Names are the caller's: the CLI uses its option names ({@code --seed}, {@code --lr}). In a
 * checkpoint's metadata each is stored as {@code run.<name>}. A checkpoint without a setting (one
 * written before settings were recorded, or by a caller that does not record it) is not checked
 * for it.
 */
public record RunSettings(Map<String, String> values) {
    private static final String PREFIX = "run.";

    public RunSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));   // checked in the caller's order
    }

    /** No settings: nothing is recorded or checked. */
    public static RunSettings none() {
        return new RunSettings(Map.of());
    }

    /** Adds {@code run.<name>} entries to a checkpoint's metadata. */
    void record(Map<String, String> metadata) {
        values.forEach((name, value) -> metadata.put(PREFIX + name, value));
    }

    /**
     * Refuses the resume if a setting recorded in {@code metadata} (of the checkpoint
     * {@code source}) differs from this run's.
     */
    void requireSameAs(Map<String, String> metadata, String source) {
        for (Map.Entry<String, String> setting : values.entrySet()) {
            String saved = metadata.get(PREFIX + setting.getKey());
            if (saved != null && !saved.equals(setting.getValue())) {
                throw new DescentException(source + " was written by a run with " + setting.getKey() + " " + saved
                        + " but this run has " + setting.getKey() + " " + setting.getValue()
                        + "; resume with the options of the interrupted run, or start afresh without --resume");
            }
        }
    }
}
