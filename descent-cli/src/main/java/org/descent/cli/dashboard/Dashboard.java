package org.descent.cli.dashboard;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import org.descent.DescentException;
import org.descent.data.Dataset;
import org.descent.data.Normalize;
import org.descent.nn.Module;
import org.descent.train.Evaluation;
import org.descent.train.Task;
import org.descent.train.TrainingListener;

/**
 * The dashboard of one {@code descent train} run, as the command sees it: started before the data
 * are loaded (so a bad port fails at once), fed by a listener, given the test result at the end,
 * then closed or, with {@code --dashboard-keep}, kept until Ctrl-C. Without {@code --dashboard}
 * every method does nothing.
 */
public final class Dashboard implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final EventLog log;
    private final DashboardServer server;
    private final boolean keep;
    private final PrintStream out;

    private Dashboard(EventLog log, DashboardServer server, boolean keep, PrintStream out) {
        this.log = log;
        this.server = server;
        this.keep = keep;
        this.out = out;
    }

    /** Starts the dashboard the options ask for (none without {@code --dashboard}) and prints its address. */
    public static Dashboard start(DashboardOptions options, PrintStream out) {
        if (options.port == null) {
            if (options.bind != null || options.keep || options.waitForBrowser) {
                throw new DescentException((options.bind != null ? "--dashboard-bind" : options.keep ? "--dashboard-keep"
                        : "--dashboard-wait") + " needs --dashboard [PORT]");
            }
            return new Dashboard(null, null, false, out);
        }
        EventLog log = new EventLog();
        DashboardServer server = serve("--dashboard-bind", options.bind, "--dashboard", options.port, log);
        out.println("dashboard: " + server.url());
        if (options.waitForBrowser) {
            out.println("dashboard: waiting for a browser to open it before training");
            out.flush();
            try {
                log.awaitWatcher();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Dashboard(log, server, options.keep, out);
    }

    /**
     * A server for {@code log} on {@code bind} (null: 127.0.0.1) and {@code port}; the option
     * names are those the errors name.
     */
    static DashboardServer serve(String bindOption, String bind, String portOption, int port, EventLog log) {
        if (port < 0 || port > 65535) {
            throw new DescentException(portOption + " " + port + ": a port is 1..65535 (or 0 for a free one)");
        }
        InetAddress address = address(bindOption, bind == null ? LOOPBACK : bind);
        if (!address.isLoopbackAddress()) {
            System.err.println("descent: the dashboard is open to the network on " + address.getHostAddress()
                    + ", without a password");
        }
        return DashboardServer.start(address, port, portOption, log);
    }

    private static InetAddress address(String option, String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new DescentException(option + " " + bind + ": unknown host; give an address such as 127.0.0.1");
        }
        try {
            if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new DescentException(option + " " + bind + ": " + address.getHostAddress()
                        + " is not an address of this machine");
            }
        } catch (SocketException e) {
            throw new DescentException(option + " " + bind + ": cannot list this machine's addresses: "
                    + e.getMessage());
        }
        return address;
    }

    /** The listener that feeds the page, titled e.g. "digits: 64-64-10 ReLU MLP, cross-entropy". */
    public TrainingListener feed(String title) {
        return log == null ? new TrainingListener() { } : new TrainingFeed(log, title);
    }

    /**
     * Sends the test figures: the confusion matrix and, for image data (the digits, Fashion-MNIST,
     * an IDX folder of square images), the misclassified test images.
     *
     * @param dataSource what {@code --data} named: digits, fashion-mnist, a folder or a file
     */
    public void result(Evaluation test, Dataset data, Module model, Task task, Normalize normalize, String dataSource) {
        if (log != null) {
            log.append("result", TestResult.json(test, data, model, task, normalize,
                    imageSide(dataSource, data.featureCount())));
        }
    }

    /** The side of the square images of {@code dataName}, or 0 when its samples are no images. */
    static int imageSide(String dataName, int features) {
        String name = dataName.toLowerCase(Locale.ROOT);
        boolean images = name.equals("digits") || name.equals("fashion-mnist") || Files.isDirectory(Path.of(dataName));
        int side = (int) Math.round(Math.sqrt(features));
        return images && side * side == features && side > 1 ? side : 0;
    }

    /**
     * Runs {@code training}; when it fails (a bad option found late, a diverging run) the page is
     * told why before the error goes on to the command line. With {@code --dashboard-keep}, once it
     * succeeded, says so and serves until the process is stopped (Ctrl-C). Returns its exit code.
     */
    public int follow(IntSupplier training) {
        int code;
        try {
            code = training.getAsInt();
        } catch (RuntimeException e) {
            if (log != null) {
                log.append("failed", Json.write(Json.object("message", String.valueOf(e.getMessage()))));
            }
            throw e;
        }
        keepServing();
        return code;
    }

    private void keepServing() {
        if (server == null || !keep) {
            return;
        }
        out.println("training done; the dashboard stays at " + server.url() + " until you stop it (Ctrl-C)");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The page's address; null without {@code --dashboard}. */
    String url() {
        return server == null ? null : server.url();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
