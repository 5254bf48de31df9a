package org.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.descent.DescentException;
import org.junit.jupiter.api.Test;

/** What train sees of the dashboard: nothing without --dashboard, the address with it, a failed run told to the page. */
class DashboardTest {

    @Test
    void withoutTheOptionThereIsNoServerAndTheRunGoesOnAsBefore() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Dashboard dashboard = Dashboard.start(new DashboardOptions(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertNull(dashboard.url());
            assertEquals(7, dashboard.follow(() -> 7));
            dashboard.feed("x").onEnd(null, null);   // a listener that does nothing
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedRunIsToldToThePageBeforeTheErrorGoesOn() throws Exception {
        DashboardOptions options = new DashboardOptions();
        options.port = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Dashboard dashboard = Dashboard.start(options, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertEquals("dashboard: " + dashboard.url() + "\n", out.toString(StandardCharsets.UTF_8));
            DescentException e = assertThrows(DescentException.class, () -> dashboard.follow(() -> {
                throw new DescentException("training diverged at step 3");
            }));
            assertEquals("training diverged at step 3", e.getMessage());
            JsonNode events = new ObjectMapper().readTree(DashboardServerTest.text(
                    DashboardServerTest.get(dashboard.url() + "api/events").getInputStream()));
            assertEquals(1, events.size());
            assertEquals("failed", events.get(0).get("type").asText());
            assertEquals("training diverged at step 3", events.get(0).get("data").get("message").asText());
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("dashboard: http://127.0.0.1:"));
        }
    }
}
