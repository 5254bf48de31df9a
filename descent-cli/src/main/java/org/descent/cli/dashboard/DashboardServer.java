package org.descent.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.descent.DescentException;

/**
 * The dashboard's HTTP server (the JDK's {@code com.sun.net.httpserver}): the page and its
 * scripts from the jar ({@code /}), the event log as server-sent events ({@code /events}) and,
 * for polling, as JSON ({@code /api/events?after=N}). Bound to the address it is given (the
 * command line gives loopback unless told otherwise); on loopback it answers only requests
 * addressed to {@code 127.0.0.1}, {@code localhost} or {@code [::1]}, so a web site cannot reach it
 * by DNS rebinding.
 */
final class DashboardServer implements AutoCloseable {
    private static final String PAGE = "/org/descent/cli/dashboard/page/";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "png", "image/png");

    private final HttpServer server;
    private final ExecutorService threads;
    private final EventLog log;

    private DashboardServer(HttpServer server, ExecutorService threads, EventLog log) {
        this.server = server;
        this.threads = threads;
        this.log = log;
    }

    /**
     * Serves {@code log} on {@code address:port} (port 0: a free one); {@code portOption} is the
     * option the error names when the port is taken.
     *
     * @throws DescentException when the port is in use or the address is not this machine's
     */
    static DashboardServer start(InetAddress address, int port, String portOption, EventLog log) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (BindException e) {
            throw new DescentException(port == 0 ? "cannot open a port on " + address.getHostAddress() + ": " + e.getMessage()
                    : "port " + port + " on " + address.getHostAddress() + " is in use (or not allowed); give another"
                    + " with " + portOption + " PORT, or " + portOption + " 0 for a free one");
        } catch (IOException e) {
            throw new DescentException("cannot serve the dashboard on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage());
        }
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "descent-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        DashboardServer dashboard = new DashboardServer(server, threads, log);
        boolean loopback = address.isLoopbackAddress();
        server.createContext("/events", guarded(loopback, new EventStream(log)));
        server.createContext("/api/events", guarded(loopback, dashboard::poll));
        server.createContext("/", guarded(loopback, DashboardServer::file));
        server.start();
        return dashboard;
    }

    /** The port it listens on (the one picked when 0 was asked). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:6070/}; on every interface (0.0.0.0), the loopback one. */
    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /** Ends the event streams (clients get the events left and a last {@code closed}), then stops. */
    @Override
    public void close() {
        log.close();
        server.stop(1);
        threads.shutdownNow();
    }

    private static HttpHandler guarded(boolean loopback, HttpHandler handler) {
        return exchange -> {
            if (loopback && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain; charset=utf-8", "the dashboard answers only to 127.0.0.1 and localhost\n");
                return;
            }
            handler.handle(exchange);
        };
    }

    /** True for a Host header naming loopback: 127.0.0.1, localhost or [::1], with any port. */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return true;   // HTTP/1.0 clients send none; a browser always does
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1");
        }
        int colon = name.indexOf(':');
        name = colon >= 0 ? name.substring(0, colon) : name;
        return name.equals("localhost") || name.equals("127.0.0.1");
    }

    private void poll(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        int after = -1;
        if (query != null && query.startsWith("after=")) {
            try {
                after = Integer.parseInt(query.substring("after=".length()));
            } catch (NumberFormatException e) {
                send(exchange, 400, "text/plain; charset=utf-8", "after= needs an event id\n");
                return;
            }
        }
        List<EventLog.Event> events;
        try {
            events = log.from(after + 1, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        StringBuilder json = new StringBuilder("[");
        for (EventLog.Event event : events) {
            json.append(json.length() > 1 ? "," : "").append("{\"id\":").append(event.id()).append(",\"type\":")
                    .append(Json.write(event.type())).append(",\"data\":").append(event.json()).append('}');
        }
        send(exchange, 200, "application/json", json.append(']').toString());
    }

    private static void file(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        InputStream in = FILE_NAME.matcher(name).matches() && TYPES.containsKey(extension)
                ? DashboardServer.class.getResourceAsStream(PAGE + name) : null;
        if (in == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "no such page: " + path + "\n");
            return;
        }
        try (in) {
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(extension));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
