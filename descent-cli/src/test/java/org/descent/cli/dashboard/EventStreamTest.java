package org.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-sent events of /events: format, order, replay from the start or after Last-Event-ID, the end. */
class EventStreamTest {

    @Test
    void aClientGetsThePastEventsThenTheNewOnesThenClosed() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            EventLog log = new EventLog();
            log.append("start", "{\"epochs\":2}");
            try (DashboardServer server = DashboardServer.start(InetAddress.getLoopbackAddress(), 0, "--port", log)) {
                HttpURLConnection connection = open(server, null);
                assertEquals(200, connection.getResponseCode());
                assertTrue(connection.getContentType().startsWith("text/event-stream"), connection.getContentType());
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals(List.of("retry: 1000", ""), read(in, 2));
                assertEquals(List.of("id: 0", "event: start", "data: {\"epochs\":2}", ""), read(in, 4));
                log.append("epoch", "{\"epoch\":1}");   // while the client waits
                assertEquals(List.of("id: 1", "event: epoch", "data: {\"epoch\":1}", ""), read(in, 4));
                log.append("end", "{}");
                log.close();
                assertEquals(List.of("id: 2", "event: end", "data: {}", "", "event: closed", "data: {}", ""), read(in, 7));
                assertEquals(null, in.readLine(), "the stream ends after 'closed'");
            }
        });
    }

    @Test
    void aReconnectingBrowserGetsOnlyTheEventsAfterItsLastEventId() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            EventLog log = new EventLog();
            for (int i = 0; i < 5; i++) {
                log.append("step", "{\"step\":" + (i + 1) + "}");
            }
            log.close();
            try (DashboardServer server = DashboardServer.start(InetAddress.getLoopbackAddress(), 0, "--port", log)) {
                HttpURLConnection connection = open(server, "2");
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
                assertEquals(List.of("retry: 1000", "", "id: 3", "event: step", "data: {\"step\":4}", "", "id: 4",
                        "event: step", "data: {\"step\":5}", "", "event: closed", "data: {}", ""), lines);
            }
        });
    }

    @Test
    void theFirstIdFollowsLastEventIdAndIgnoresGarbage() {
        assertEquals(0, EventStream.firstId(null));
        assertEquals(8, EventStream.firstId("7"));
        assertEquals(0, EventStream.firstId("seven"));
        assertEquals(0, EventStream.firstId("-5"));
    }

    @Test
    void waitingForAnEventEndsAfterTheTimeOrWhenTheLogCloses() throws InterruptedException {
        EventLog log = new EventLog();
        assertEquals(List.of(), log.from(0, 10));
        log.append("a", "{}");
        assertEquals(1, log.from(0, 0).size());
        assertEquals(List.of(), log.from(1, 10));
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.close();
        });
        closer.start();
        // Bounded far below the 10 minutes asked for: close() must wake the reader.
        assertEquals(List.of(), assertTimeoutPreemptively(Duration.ofSeconds(30), () -> log.from(1, 600_000)));
        closer.join();
        assertTrue(log.isClosed());
    }

    private static HttpURLConnection open(DashboardServer server, String lastEventId) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(server.url() + "events").openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10_000);
        if (lastEventId != null) {
            connection.setRequestProperty("Last-Event-ID", lastEventId);
        }
        return connection;
    }

    private static List<String> read(BufferedReader in, int lines) throws Exception {
        List<String> read = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            read.add(in.readLine());
        }
        return read;
    }
}
