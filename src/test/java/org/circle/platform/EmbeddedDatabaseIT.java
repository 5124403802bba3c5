package org.circle.platform;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circle.testing.CircleProcess;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;

/**
 * Circle with no configuration at all: embedded H2 under CIRCLE_DATA_DIR, a setup code read from
 * the log as a new user would, and data that survives a restart.
 */
class EmbeddedDatabaseIT {

    private static final Pattern SETUP_CODE = Pattern.compile("setup code: ([A-Z0-9-]{14})");

    @Test
    void firstRunSetupAndDataSurviveARestart() throws Exception {
        try (CircleProcess circle = new CircleProcess("embedded-h2", Map.of("CIRCLE_DATA_DIR", "circle-data"))) {
            circle.start();
            Http http = new Http(circle.baseUrl());
            assertFalse(http.get("/api/setup").json().getBoolean("setUp"));

            Matcher code = SETUP_CODE.matcher(circle.log());
            assertTrue(code.find(), "the setup code is printed in the log");

            var wrong = http.post("/api/setup", json("setupCode", "WRONG-CODE-000", "email", "first@clinic.test",
                    "displayName", "First", "password", "first passphrase"));
            assertEquals(400, wrong.status());
            assertEquals("setupCode", wrong.json().getString("field"));

            var setup = http.post("/api/setup", json("setupCode", code.group(1), "email", "first@clinic.test",
                    "displayName", "First", "password", "first passphrase"));
            assertEquals(201, setup.status(), setup.toString());
            assertEquals(409, http.post("/api/setup", json("setupCode", code.group(1), "email", "second@clinic.test",
                    "displayName", "Second", "password", "second passphrase")).status());
            assertTrue(Files.isDirectory(circle.workDir().resolve("circle-data")), "H2 lives under CIRCLE_DATA_DIR");

            String logBefore = circle.log();
            circle.restart();
            String logAfter = circle.log().substring(logBefore.length());

            var login = http.post("/api/auth/login", json("email", "first@clinic.test", "password", "first passphrase"));
            assertEquals(200, login.status(), "the facilitator survived the restart: " + login);
            assertTrue(http.get("/api/setup").json().getBoolean("setUp"));
            assertFalse(SETUP_CODE.matcher(logAfter).find(), "no setup code once set up");
        }
    }
}
