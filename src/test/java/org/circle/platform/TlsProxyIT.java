package org.circle.platform;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.Http;
import org.circle.testing.Nginx;
import org.circle.testing.Ws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Circle behind ops/nginx/circle.conf on Debian's nginx, with a throwaway certificate: pages and
 * REST over https keep Circle's security headers, plain http only redirects, and the v1
 * hello/welcome completes over wss:// through the proxy.
 */
class TlsProxyIT {

    private static CircleProcess circle;
    private static Nginx proxy;
    private static HttpClient client;
    private static Http https;

    @BeforeAll
    static void start() throws Exception {
        int tlsPort = CircleProcess.freePort();
        var c = CircleServer.standalone("behind-tls", Map.of("CIRCLE_PUBLIC_URL", "https://localhost:" + tlsPort));
        circle = c.process();
        proxy = new Nginx(Path.of("ops/nginx/circle.conf"), circle.port(), tlsPort);
        client = HttpClient.newBuilder().sslContext(proxy.trust()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        https = new Http(client, proxy.httpsUrl());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) proxy.close();
        if (circle != null) circle.close();
    }

    @Test
    void securityHeadersSurviveTheProxy() {
        for (String path : new String[] {"/", "/facilitate", "/api/groups"}) {
            var answer = https.get(path, path.startsWith("/api") ? "application/json" : "text/html");
            String csp = answer.header("Content-Security-Policy");
            assertNotNull(csp, path + " keeps its CSP");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), path);
            assertTrue(answer.header("Strict-Transport-Security").startsWith("max-age="), path + " gains HSTS");
            String server = answer.header("Server");
            assertTrue(server == null || !server.matches(".*\\d.*"), "no server version is told: " + server);
        }
        assertEquals(401, https.get("/api/groups").status(), "an error stays Circle's JSON error");
        assertEquals("UNAUTHENTICATED", https.get("/api/groups").code());
    }

    /**
     * nginx's own answers are the JSON error body too: an encoded NUL in the path (which nginx
     * refuses itself, as Payara would with an empty 400) and a body over the proxy's 1 MB.
     */
    @Test
    void whatTheProxyRefusesItselfIsTheJsonErrorBody() {
        var nul = https.get("/api/groups/%00", "application/json");
        assertEquals(400, nul.status(), nul.toString());
        assertEquals("BAD_REQUEST", nul.code(), nul.toString());
        assertEquals("nosniff", nul.header("X-Content-Type-Options"));
        assertTrue(nul.header("Content-Security-Policy").contains("frame-ancestors 'none'"), nul.toString());
        var large = https.postRaw("/api/auth/login", "{\"email\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertEquals(413, large.status(), large.toString());
        assertEquals("TOO_LARGE", large.code(), large.toString());
        var small = https.postRaw("/api/auth/login", "{\"email\":\"" + "x".repeat(100 * 1024) + "\"}");
        assertEquals(413, small.status(), "between Circle's 64 KiB and the proxy's 1 MB, Circle answers: " + small);
        assertEquals("TOO_LARGE", small.code(), small.toString());
        assertEquals(401, https.get("/api/groups").status(), "Circle's own errors still pass through");
        assertEquals("UNAUTHENTICATED", https.get("/api/groups").code());
    }

    @Test
    void plainHttpOnlyRedirectsToTls() {
        var answer = new Http(proxy.plainUrl()).get("/join/abc");
        assertEquals(301, answer.status());
        assertTrue(answer.header("Location").startsWith("https://") && answer.header("Location").endsWith("/join/abc"), answer.header("Location"));
    }

    @Test
    void helloAndWelcomeOverWss() {
        String token = https.post("/api/auth/login", json("email", CircleServer.ADMIN_EMAIL, "password", CircleServer.ADMIN_PASSWORD)).json().getString("token");
        Http admin = https.as(token);
        String group = admin.post("/api/groups", json("name", "Behind TLS")).json().getString("id");
        String session = admin.post("/api/groups/" + group + "/sessions", json("title", "Tonight", "startsAt", "2026-11-22T18:00:00Z", "minutes", 60)).json().getString("id");
        String ticket = admin.post("/api/sessions/" + session + "/tickets", null).json().getString("ticket");
        try (Ws ws = new Ws(client, proxy.httpsUrl(), proxy.httpsUrl())) {
            ws.send(Ws.hello(ticket));
            JsonObject welcome = ws.await("welcome");
            assertEquals("facilitator", welcome.getJsonObject("you").getString("role"));
            assertEquals("ack", ws.call("lock", "locked", true).getString("type"), "frames flow both ways after the welcome");
        }
        assertThrows(RuntimeException.class, () -> new Ws(client, proxy.httpsUrl(), "https://elsewhere.example"),
                "another site's page is refused through the proxy too");
    }
}
