package org.descent.cli.dashboard;

import picocli.CommandLine.Option;

/** The dashboard options of {@code descent train} (a picocli mixin). */
public final class DashboardOptions {
    /** The port {@code --dashboard} without a value serves on. */
    public static final String DEFAULT_PORT = "6070";

    @Option(names = "--dashboard", arity = "0..1", fallbackValue = DEFAULT_PORT, paramLabel = "PORT",
            description = "Follow the run live in the browser at http://127.0.0.1:PORT/ (default port ${FALLBACK-VALUE};"
                    + " 0 = a free one).")
    Integer port;

    @Option(names = "--dashboard-bind", paramLabel = "ADDRESS",
            description = "Serve the dashboard on this address instead of 127.0.0.1, e.g. 0.0.0.0 for every network"
                    + " interface: anyone who reaches it sees the run (there is no password).")
    String bind;

    @Option(names = "--dashboard-keep",
            description = "Keep serving the dashboard after training ends, until Ctrl-C.")
    boolean keep;

    @Option(names = "--dashboard-wait",
            description = "Start training only once a browser has opened the dashboard, to watch it from the first step.")
    boolean waitForBrowser;
}
