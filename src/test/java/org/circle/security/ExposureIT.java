package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.CircleProcess;
import org.circle.testing.Http;
import org.circle.testing.Listening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: /openapi, /metrics, /api/application.wadl and OPTIONS with WADL answered anyone;
 * some 404s were Payara's HTML page (naming the server and its version); and a start with
 * --nocluster turned the data grid back on, listening on every interface (*:690x). Now WADL is
 * off, management answers only where CIRCLE_MANAGEMENT is on (by default only on loopback), the
 * container's own errors are the JSON body, and a start opens the HTTP port and nothing else.
 */
@ExtendWith(CircleServer.class)
class ExposureIT {

    @Test
    void wadlIsOffAndTheContainersOwnErrorsAreJson(Circle circle) {
        Http http = circle.http();
        expectJson404(http.get("/api/application.wadl", "*/*"));
        expectJson404(http.get("/api/application.wadl?detail=true", "*/*"));
        var options = http.send("OPTIONS", "/api/setup", null, "application/vnd.sun.wadl+xml");
        assertFalse(options.body().contains("wadl"), "OPTIONS describes nothing: " + options.body());
        for (String path : List.of("/no-such-page", "/css/no-such.css", "/js/nothing.js", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF")) {
            var answer = http.get(path, "text/html");
            assertTrue(answer.status() >= 400, path + ": " + answer.status());
            assertTrue(answer.header("Content-Type").startsWith("application/json"), path + ": " + answer.header("Content-Type"));
            assertFalse(answer.body().contains("Payara") || answer.body().contains("<html"), path + ": " + answer.body());
            assertEquals(answer.status() == 404 ? "NOT_FOUND" : answer.code(), answer.code(), path);
        }
    }

    @Test
    void managementAnswersOnLoopbackByDefault(Circle circle) {
        // The shared server's public URL is its loopback address: development, management on.
        assertEquals(200, circle.http().get("/metrics", "text/plain").status());
        assertEquals(200, circle.http().get("/openapi", "*/*").status());
    }

    @Test
    void aPublicServerStartedWithNoclusterOpensOnlyItsHttpPortAndHidesManagement() throws Exception {
        Map<String, String> env = Map.of("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE, "CIRCLE_PUBLIC_URL", "https://circle.clinic.example");
        // --nocluster is the flag under test. Should the bundle's guard ever regress, the grid it would
        // start is still pinned to loopback with TCP discovery (no multicast): the test fails on the
        // extra port, and no packet leaves the machine meanwhile.
        List<String> args = List.of("--nocluster", "--clustermode", "tcpip:127.0.0.1:6900", "--interfaces", "127.0.0.1");
        try (CircleProcess server = new CircleProcess("exposure-public-nocluster", env).withArgs(args).start()) {
            Http http = new Http(server.baseUrl());
            for (String path : List.of("/metrics", "/metrics/base", "/openapi", "/openapi/")) expectJson404(http.get(path, "*/*"));
            assertEquals(200, http.get("/health/ready").status(), "health stays open for the orchestrator");
            List<Integer> ports = Listening.ports(server.pid());
            assertEquals(List.of(server.port()), ports, "ports the process listens on");
            assertFalse(server.log().contains("DG Name"), "no data grid member started");
            var readiness = http.get("/health/ready").json();
            var grid = readiness.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getString("name").equals("data-grid")).findFirst().orElseThrow().getJsonObject("data");
            assertEquals("off", grid.getString("state"), "readiness says the grid is off: " + readiness);
            assertEquals("0", grid.getString("members"), readiness.toString());
        }
    }

    private static void expectJson404(Http.Answer answer) {
        assertEquals(404, answer.status(), answer.toString());
        assertEquals("NOT_FOUND", answer.code(), answer.toString());
    }
}
