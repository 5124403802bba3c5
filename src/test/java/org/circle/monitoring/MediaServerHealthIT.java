package org.circle.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Scrape;
import org.junit.jupiter.api.Test;

/**
 * A server set up for Janus whose Janus is gone: the health reports and {@code /metrics} say the
 * media server is down, yet Circle stays ready and alive (mesh sessions still serve); once
 * something answers on the media server's port again, they say it is up (issue 23). The probe is a
 * TCP connect, so a plain socket on loopback is what it meets either way.
 */
class MediaServerHealthIT {

    @Test
    void aMediaServerThatIsDownIsReportedWithoutFailingReadiness() throws Exception {
        int port = CircleProcess.freePort();
        Circle circle = CircleServer.standalone("media-health", Map.of("CIRCLE_JANUS_URL", "ws://127.0.0.1:" + port + "/",
                "CIRCLE_MANAGEMENT", "on"));
        try (CircleProcess process = circle.process()) {
            Http http = circle.http();
            for (String path : new String[] {"/health/ready", "/health/live", "/api/health/ready"}) {
                var answer = http.get(path);
                assertEquals(200, answer.status(), path + " stays up with the media server down: " + answer);
                assertEquals(Map.of("kind", "janus", "state", "down"), mediaData(answer.json()), path);
            }
            assertEquals(0, Scrape.of(http).value("circle_media_server_up"));

            try (ServerSocket janus = new ServerSocket(port, 5, InetAddress.getLoopbackAddress())) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(15)); // the last answer is kept for 5 s
                while (!mediaData(http.get("/health/ready").json()).get("state").equals("up")) {
                    if (Instant.now().isAfter(deadline)) throw new AssertionError("still down: " + http.get("/health/ready"));
                    Thread.sleep(500);
                }
                assertEquals(1, Scrape.of(http).value("circle_media_server_up"));
                assertEquals("up", mediaData(http.get("/api/health/ready").json()).get("state"));
            }
        }
    }

    private static Map<String, String> mediaData(JsonObject health) {
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("media-server")).findFirst()
                .map(c -> {
                    assertEquals("UP", c.getString("status"), "reported, never failing: " + health);
                    JsonObject data = c.getJsonObject("data");
                    return Map.of("kind", data.getString("kind"), "state", data.getString("state"));
                })
                .orElseThrow(() -> new AssertionError("no media-server check: " + health));
    }
}
