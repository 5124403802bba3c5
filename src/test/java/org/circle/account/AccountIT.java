package org.circle.account;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Setup, login, logout and colleagues over real HTTP against MariaDB. */
@ExtendWith(CircleServer.class)
class AccountIT {

    @Test
    void setupIsRefusedOnceAFacilitatorExists(Circle circle) {
        var again = circle.http().post("/api/setup", json("setupCode", CircleServer.SETUP_CODE,
                "email", "other@clinic.test", "displayName", "Other", "password", "another passphrase"));
        assertEquals(409, again.status(), again.toString());
        assertEquals("ALREADY_SET_UP", again.code());
        assertTrue(circle.http().get("/api/setup").json().getBoolean("setUp"));
    }

    @Test
    void loginAnswersWithATokenThatExpiresAndIsStoredOnlyAsAHash(Circle circle) throws Exception {
        var login = circle.http().post("/api/auth/login", json("email", "LEAD@clinic.test ", "password", CircleServer.ADMIN_PASSWORD));
        assertEquals(200, login.status(), login.toString());
        String token = login.json().getString("token");
        assertEquals(43, token.length(), "256 random bits, base64url");
        Instant expires = Instant.parse(login.json().getString("expiresAt"));
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(11))) && expires.isBefore(Instant.now().plus(Duration.ofHours(13))));
        assertEquals(CircleServer.ADMIN_EMAIL, login.json().getJsonObject("facilitator").getString("email"));
        assertFalse(login.body().contains("password"), "no password hash in the answer");

        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        try (var c = circle.database().connect(); var s = c.createStatement()) {
            ResultSet plain = s.executeQuery("SELECT COUNT(*) FROM login_token WHERE token_hash = '" + token + "'");
            plain.next();
            assertEquals(0, plain.getInt(1), "the token itself is not stored");
            ResultSet hashed = s.executeQuery("SELECT COUNT(*) FROM login_token WHERE token_hash = '" + hash + "'");
            hashed.next();
            assertEquals(1, hashed.getInt(1), "its SHA-256 is");
            ResultSet password = s.executeQuery("SELECT password_hash FROM facilitator WHERE email = '" + CircleServer.ADMIN_EMAIL + "'");
            password.next();
            assertTrue(password.getString(1).startsWith("pbkdf2-sha256$210000$"));
            assertFalse(password.getString(1).contains(CircleServer.ADMIN_PASSWORD));
        }
    }

    @Test
    void logoutEndsTheTokenAtOnce(Circle circle) {
        String token = circle.http().post("/api/auth/login", json("email", CircleServer.ADMIN_EMAIL, "password", CircleServer.ADMIN_PASSWORD))
                .json().getString("token");
        var colleague = json("email", "probe-" + System.nanoTime() + "@clinic.test", "displayName", "Probe", "password", "0123456789");
        assertEquals(204, circle.http().as(token).post("/api/auth/logout", null).status());
        var after = circle.http().as(token).post("/api/facilitators", colleague);
        assertEquals(401, after.status());
        assertEquals("UNAUTHENTICATED", after.code());
        assertEquals(401, circle.http().post("/api/auth/logout", null).status(), "logout without a token");
    }

    @Test
    void unknownEmailAndWrongPasswordAnswerAlike(Circle circle) {
        var unknown = circle.http().post("/api/auth/login", json("email", "nobody-" + System.nanoTime() + "@clinic.test", "password", "whatever it is"));
        var wrong = circle.http().post("/api/auth/login", json("email", CircleServer.ADMIN_EMAIL, "password", "not the password"));
        assertEquals(401, unknown.status());
        assertEquals(unknown.status(), wrong.status());
        assertEquals(unknown.body(), wrong.body());
        assertEquals("BAD_CREDENTIALS", wrong.code());
    }

    @Test
    void repeatedFailuresForOneEmailSlowItDownWithoutLockingItsOwnerOut(Circle circle) throws Exception {
        var facilitator = json("email", "target@clinic.test", "displayName", "Target", "password", "the right passphrase");
        assertEquals(201, circle.admin().post("/api/facilitators", facilitator).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, circle.http().post("/api/auth/login", json("email", "target@clinic.test", "password", "guess " + i)).status());
        }
        var sixth = circle.http().post("/api/auth/login", json("email", "target@clinic.test", "password", "the right passphrase"));
        assertEquals(429, sixth.status(), "right after five failures even the right password waits");
        assertEquals("RATE_LIMITED", sixth.code());
        long wait = Long.parseLong(sixth.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 10, "a short wait, not 15 minutes: " + wait);
        Thread.sleep(wait * 1000 + 200);
        assertEquals(200, circle.http().post("/api/auth/login", json("email", "target@clinic.test", "password", "the right passphrase")).status(),
                "after the wait the right password works");
        assertEquals(200, circle.http().post("/api/auth/login", json("email", CircleServer.ADMIN_EMAIL, "password", CircleServer.ADMIN_PASSWORD)).status(),
                "another email is not affected");
    }

    @Test
    void aColleagueCanBeAddedAndLogsIn(Circle circle) {
        String email = "colleague-" + System.nanoTime() + "@clinic.test";
        var added = circle.admin().post("/api/facilitators", json("email", email, "displayName", "Sam  ", "password", "sam's passphrase"));
        assertEquals(201, added.status(), added.toString());
        assertEquals("Sam", added.json().getJsonObject("facilitator").getString("displayName"));
        assertEquals(200, circle.http().post("/api/auth/login", json("email", email, "password", "sam's passphrase")).status());
        var twice = circle.admin().post("/api/facilitators", json("email", email, "displayName", "Sam", "password", "sam's passphrase"));
        assertEquals(409, twice.status());
        assertEquals(401, circle.http().post("/api/facilitators", json("email", "x@y.z", "displayName", "X", "password", "0123456789")).status());
    }

    @Test
    void badInputNamesTheField(Circle circle) {
        assertField(circle.admin().post("/api/facilitators", json("displayName", "X", "password", "0123456789")), "email");
        assertField(circle.admin().post("/api/facilitators", json("email", "not-an-email", "displayName", "X", "password", "0123456789")), "email");
        assertField(circle.admin().post("/api/facilitators", json("email", "a@b.c", "displayName", "   ", "password", "0123456789")), "displayName");
        assertField(circle.admin().post("/api/facilitators", json("email", "a@b.c", "displayName", "x".repeat(81), "password", "0123456789")), "displayName");
        assertField(circle.admin().post("/api/facilitators", json("email", "a@b.c", "displayName", "Bell\u0007", "password", "0123456789")), "displayName");
        assertField(circle.admin().post("/api/facilitators", json("email", "a@b.c", "displayName", "X", "password", "short")), "password");
        assertField(circle.admin().post("/api/facilitators", json("email", 42, "displayName", "X", "password", "0123456789")), "email");
        assertField(circle.http().postRaw("/api/auth/login", "{\"email\":"), "body");
        assertField(circle.http().postRaw("/api/auth/login", "[]"), "body");
        assertField(circle.http().postRaw("/api/auth/login", ""), "body");
        assertField(circle.http().post("/api/setup", json("email", "a@b.c")), "setupCode");
    }

    private static void assertField(org.circle.testing.Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("BAD_REQUEST", answer.code());
        assertEquals(field, answer.json().getString("field"), answer.toString());
        assertNotEquals("", answer.json().getString("message"));
    }
}
