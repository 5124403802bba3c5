package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every answer carries the security headers and names no server software; every error is JSON {code, message} without internals. */
@ExtendWith(CircleServer.class)
class ErrorsAndHeadersIT {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/css/circle.css", "/js/home.js", "/api/setup", "/api/nowhere", "/health/ready", "/no-such-page", "/facilitate", "/join/some-invitation"})
    void everyAnswerCarriesTheSecurityHeaders(String path, Circle circle) {
        var answer = circle.http().get(path, "*/*");
        String csp = answer.header("Content-Security-Policy");
        assertNotNull(csp, path);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals("no-referrer", answer.header("Referrer-Policy"));
        assertNull(answer.header("Server"), path + ": the answer names no server software");
    }

    @Test
    void errorsAreJsonWithAStableCode(Circle circle) {
        Http http = circle.http();
        expect(http.get("/api/nowhere"), 404, "NOT_FOUND");
        expect(http.send("PUT", "/api/auth/login", "{}", "application/json"), 405, "METHOD_NOT_ALLOWED");
        expect(http.send("DELETE", "/api/setup", null, "application/json"), 405, "METHOD_NOT_ALLOWED");
        expect(http.postRaw("/api/auth/login", "{\"email\": \"a@b.c\", \"password\": }"), 400, "BAD_REQUEST");
        expect(http.postRaw("/api/auth/login", "\u0000\u0001garbage"), 400, "BAD_REQUEST");
        expect(http.as("not-a-real-token").post("/api/facilitators", Http.json()), 401, "UNAUTHENTICATED");
        expect(http.as("x".repeat(5000)).post("/api/facilitators", Http.json()), 401, "UNAUTHENTICATED");
    }

    @Test
    void apiAnswersAreNotCached(Circle circle) {
        assertEquals("no-store", circle.http().get("/api/setup").header("Cache-Control"));
    }

    private static void expect(Http.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.code(), answer.toString());
        assertFalse(answer.json().getString("message").isBlank());
        for (String leak : List.of("Exception", "\tat ", "org.circle", "jakarta.", "eclipse")) {
            assertFalse(answer.body().contains(leak), "internals leaked: " + answer.body());
        }
    }
}
