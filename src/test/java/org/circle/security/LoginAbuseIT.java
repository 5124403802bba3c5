package org.circle.security;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: five wrong passwords locked the real facilitator out for 15 minutes (her correct
 * password got 429); one client tried 418 different emails in 20 s; "aaaaaaaaaa", ten spaces and
 * "password12" were accepted as passwords. Strangers are told apart by their address as the
 * reverse proxy reports it (X-Forwarded-For from a loopback peer, as ops/nginx sends it).
 */
@ExtendWith(CircleServer.class)
class LoginAbuseIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> login(Circle circle, String from, String email, String password) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(circle.process().baseUrl() + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(json("email", email, "password", password).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStrangerCannotLockAFacilitatorOut(Circle circle) throws Exception {
        String email = "lockout-" + System.nanoTime() + "@clinic.test";
        assertEquals(201, circle.admin().post("/api/facilitators", json("email", email, "displayName", "Kim", "password", "kim's own passphrase")).status());
        int refused = 0;
        for (int i = 0; i < 30; i++) { // as fast as the server answers: each wrong password costs it a PBKDF2
            var answer = login(circle, "203.0.113." + (1 + i % 200), email, "guess " + i);
            if (answer.statusCode() == 429) refused++;
        }
        assertTrue(refused > 0, "the stranger was slowed");
        long started = System.nanoTime();
        HttpResponse<String> mine;
        while ((mine = login(circle, "198.51.100.2", email, "kim's own passphrase")).statusCode() == 429) {
            long wait = Long.parseLong(mine.headers().firstValue("Retry-After").orElse("1"));
            assertTrue(wait <= 10, "a delay, not a wall: " + wait);
            Thread.sleep(wait * 1000);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(seconds <= 11, "the facilitator got in after " + seconds + " s");
        System.out.println("LoginAbuseIT: " + refused + " of the stranger's attempts refused; the facilitator got in after " + seconds + " s");
    }

    @Test
    void oneAddressCannotTryHundredsOfEmails(Circle circle) throws Exception {
        int checked = 0;
        long until = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; System.nanoTime() < until; i++) {
            var answer = login(circle, "192.0.2.77", "spray-" + i + "@clinic.test", "password12345");
            if (answer.statusCode() == 401) checked++;
            else assertEquals(429, answer.statusCode(), answer.body());
            if (answer.statusCode() == 429) Thread.sleep(200);
        }
        assertTrue(checked <= 15, "passwords checked for one address in 20 s: " + checked);
        System.out.println("LoginAbuseIT: one address had " + checked + " passwords checked in 20 s");
        assertEquals(200, circle.http().post("/api/auth/login", json("email", CircleServer.ADMIN_EMAIL, "password", CircleServer.ADMIN_PASSWORD)).status(),
                "someone else is not slowed");
    }

    @Test
    void commonAndMonotonousPasswordsAreRefused(Circle circle) {
        for (String weak : List.of("aaaaaaaaaa", "          ", "password12", "Password123!", "qwertyuiop", "1234567890")) {
            Http.Answer answer = circle.admin().post("/api/facilitators", json("email", "weak-" + System.nanoTime() + "@clinic.test",
                    "displayName", "Weak", "password", weak));
            assertEquals(400, answer.status(), "'" + weak + "': " + answer);
            assertEquals("password", answer.json().getString("field"));
        }
        assertEquals(201, circle.admin().post("/api/facilitators", json("email", "strong-" + System.nanoTime() + "@clinic.test",
                "displayName", "Strong", "password", "harbour violet kettle")).status());
    }
}
