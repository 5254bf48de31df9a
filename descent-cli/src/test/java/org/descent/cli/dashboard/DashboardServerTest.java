package org.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.descent.DescentException;
import org.junit.jupiter.api.Test;

/** The dashboard server: loopback only by default, its files, the polling JSON, clear errors. */
class DashboardServerTest {

    @Test
    void itListensOnLoopbackOnlyByDefault() throws Exception {
        try (DashboardServer server = Dashboard.serve("--dashboard-bind", null, "--dashboard", 0, new EventLog())) {
            assertTrue(server.url().startsWith("http://127.0.0.1:" + server.port() + "/"), server.url());
            assertEquals(200, get(server.url()).getResponseCode());
            Optional<InetAddress> other = otherAddress();
            if (other.isPresent()) {   // a machine with a network interface: the port is closed there
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class,
                            () -> socket.connect(new InetSocketAddress(other.get(), server.port()), 2000));
                }
            }
        }
    }

    @Test
    void onEveryInterfaceOnlyWhenAskedAndThenItAnswersAnyHostName() throws Exception {
        try (DashboardServer server = Dashboard.serve("--dashboard-bind", "0.0.0.0", "--dashboard", 0, new EventLog())) {
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
            assertEquals(200, status(server.port(), "my-machine.example:" + server.port()));
        }
    }

    @Test
    void onLoopbackItRefusesRequestsForAnotherHostName() throws Exception {
        try (DashboardServer server = DashboardServer.start(InetAddress.getLoopbackAddress(), 0, "--port", new EventLog())) {
            assertEquals(403, status(server.port(), "attacker.example:" + server.port()));
            assertEquals(200, status(server.port(), "localhost:" + server.port()));
            assertEquals(200, status(server.port(), "127.0.0.1:" + server.port()));
        }
        assertTrue(DashboardServer.loopbackHost("127.0.0.1:6070"));
        assertTrue(DashboardServer.loopbackHost("[::1]:6070"));
        assertFalse(DashboardServer.loopbackHost("127.0.0.1.attacker.example"));
        assertFalse(DashboardServer.loopbackHost("localhost.attacker.example:80"));
    }

    @Test
    void itServesThePageAndTheBundledChartLibraryAndNothingElse() throws Exception {
        try (DashboardServer server = DashboardServer.start(InetAddress.getLoopbackAddress(), 0, "--port", new EventLog())) {
            HttpURLConnection page = get(server.url());
            String html = text(page.getInputStream());
            assertTrue(html.contains("<script src=\"uPlot.iife.min.js\"></script>"), html);
            assertFalse(html.contains("http"), "the page loads nothing from elsewhere");
            HttpURLConnection library = get(server.url() + "uPlot.iife.min.js");
            assertEquals(200, library.getResponseCode());
            assertTrue(library.getContentType().startsWith("text/javascript"));
            assertTrue(text(library.getInputStream()).contains("uPlot"), "uPlot is bundled into the jar by the build");
            assertEquals(404, get(server.url() + "missing.js").getResponseCode());
            assertEquals(404, get(server.url() + "..%2FDashboardServer.class").getResponseCode());
            assertEquals(404, get(server.url() + "DashboardServer.class").getResponseCode());
        }
    }

    @Test
    void pollingGivesTheEventsAfterAnIdAsJson() throws Exception {
        EventLog log = new EventLog();
        log.append("start", "{\"epochs\":3}");
        log.append("step", "{\"step\":1,\"loss\":2.5}");
        try (DashboardServer server = DashboardServer.start(InetAddress.getLoopbackAddress(), 0, "--port", log)) {
            JsonNode all = new ObjectMapper().readTree(text(get(server.url() + "api/events").getInputStream()));
            assertEquals(2, all.size());
            assertEquals("start", all.get(0).get("type").asText());
            assertEquals(3, all.get(0).get("data").get("epochs").asInt());
            JsonNode after = new ObjectMapper().readTree(text(get(server.url() + "api/events?after=0")
                    .getInputStream()));
            assertEquals(1, after.size());
            assertEquals(2.5, after.get(0).get("data").get("loss").asDouble());
            assertEquals(400, get(server.url() + "api/events?after=x").getResponseCode());
        }
    }

    @Test
    void aPortInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DescentException e = assertThrows(DescentException.class,
                    () -> Dashboard.serve("--dashboard-bind", null, "--dashboard", taken.getLocalPort(), new EventLog()));
            assertEquals("port " + taken.getLocalPort() + " on 127.0.0.1 is in use (or not allowed); give another with"
                    + " --dashboard PORT, or --dashboard 0 for a free one", e.getMessage());
        }
    }

    @Test
    void aWrongPortOrAddressIsOneClearLine() {
        assertEquals("--dashboard 70000: a port is 1..65535 (or 0 for a free one)", assertThrows(DescentException.class,
                () -> Dashboard.serve("--dashboard-bind", null, "--dashboard", 70000, new EventLog())).getMessage());
        assertEquals("--dashboard-bind 192.0.2.1: 192.0.2.1 is not an address of this machine",
                assertThrows(DescentException.class, () -> Dashboard.serve("--dashboard-bind", "192.0.2.1", "--dashboard",
                        0, new EventLog())).getMessage());
        assertTrue(assertThrows(DescentException.class, () -> Dashboard.serve("--bind", "no-such-host.invalid", "--port",
                0, new EventLog())).getMessage().startsWith("--bind no-such-host.invalid: unknown host"));
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> otherAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && nic.isUp()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    static HttpURLConnection get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10_000);
        return connection;
    }

    /** The status of GET / with this Host header, over a plain socket (HttpURLConnection will not send another Host). */
    private static int status(int port, String host) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
