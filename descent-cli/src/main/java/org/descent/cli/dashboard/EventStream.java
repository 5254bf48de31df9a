package org.descent.cli.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /events}: the log as server-sent events ({@code text/event-stream}), each as
 * {@code id}, {@code event} (its type) and one {@code data} line of JSON; first every event so far
 * (or those after the browser's {@code Last-Event-ID} when it reconnects), then each new one. A
 * comment line every 15 s finds clients that went away; when the log closes, a last
 * {@code closed} event tells the page that the server stops.
 */
final class EventStream implements HttpHandler {
    static final long HEARTBEAT_MILLIS = 15_000;

    private final EventLog log;

    EventStream(EventLog log) {
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            log.watched();
            int next = firstId(exchange.getRequestHeaders().getFirst("Last-Event-ID"));
            while (true) {
                List<EventLog.Event> events = log.from(next, HEARTBEAT_MILLIS);
                if (events.isEmpty()) {
                    if (log.isClosed()) {
                        out.write("event: closed\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        return;
                    }
                    out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    StringBuilder frames = new StringBuilder();
                    for (EventLog.Event event : events) {
                        frames.append(frame(event));
                    }
                    out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
                    next = events.get(events.size() - 1).id() + 1;
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page was closed or reloaded: this client is gone, the others go on.
        }
    }

    /** One event in the text/event-stream format; JSON from {@link Json} holds no line breaks. */
    static String frame(EventLog.Event event) {
        return "id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + event.json() + "\n\n";
    }

    /** The id after the browser's Last-Event-ID, or 0 for a new client. */
    static int firstId(String lastEventId) {
        if (lastEventId == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(lastEventId.trim()) + 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
