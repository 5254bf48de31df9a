package org.descent.cli.dashboard;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.DescentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent dashboard runs/}: the runs logged by {@code descent train --log runs/NAME.csv}
 * side by side in the browser, their curves overlaid; a log that grows (a run still training) or a
 * new one shows up within two seconds. Serves until Ctrl-C.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Show the runs saved by 'descent train --log DIR/NAME.csv' side by side in the browser.")
public final class DashboardCommand implements Callable<Integer> {
    static final long REFRESH_MILLIS = 2000;

    @Parameters(paramLabel = "FOLDER", description = "The folder of the runs' CSV logs (read one level down too).")
    Path folder;

    @Option(names = "--port", defaultValue = DashboardOptions.DEFAULT_PORT,
            description = "Serve on http://127.0.0.1:PORT/ (default ${DEFAULT-VALUE}; 0 = a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Serve on this address instead of 127.0.0.1 (e.g. 0.0.0.0; there is no password).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        SavedRuns runs = new SavedRuns(folder);
        int files = runs.files().size();
        if (files == 0) {
            throw new DescentException(folder + ": no .csv files; write some with descent train --log "
                    + folder.resolve("NAME.csv"));
        }
        EventLog log = new EventLog();
        log.append("runs", Json.write(Json.object("folder", folder.toString())));
        runs.refresh(log);
        try (DashboardServer server = Dashboard.serve("--bind", bind, "--port", port, log)) {
            System.out.println("dashboard of " + files + (files == 1 ? " run" : " runs") + " in " + folder + ": "
                    + server.url() + " (Ctrl-C stops it)");
            System.out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REFRESH_MILLIS);
                runs.refresh(log);
            }
        }
        return 0;
    }
}
