package org.circle.care;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.Http;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/** The data key on the embedded default: made once, owner-only, never logged, and the same after a restart. */
class DataKeyIT {

    @Test
    void theEmbeddedDefaultMakesItsKeyOnceAndKeepsItAcrossARestart() throws Exception {
        var circle = CircleServer.standalone("care-key-h2", Map.of("CIRCLE_DATA_DIR", "h2-data"));
        try (CircleProcess process = circle.process()) {
            Path keyFile = process.workDir().resolve("h2-data").resolve("circle-data.key");
            assertTrue(Files.exists(keyFile), "the key lives in CIRCLE_DATA_DIR");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            String key = Files.readString(keyFile).strip();

            String gid = circle.admin().post("/api/groups", json("name", "Key group")).json().getString("id");
            String sid = circle.admin().post("/api/groups/" + gid + "/sessions", json("title", "T", "startsAt", "2026-11-22T18:00:00Z",
                    "minutes", 60)).json().getString("id");
            String token = circle.admin().post("/api/groups/" + gid + "/members", json("displayName", "Ann")).json()
                    .getJsonObject("invitation").getString("token");
            assertEquals(201, CareIT.checkIn(circle, token, sid, "Attic room at Mum's", "+49 30 1234567").status());
            Ws f = new Ws(process.baseUrl());
            f.send(Ws.hello(circle.admin().post("/api/sessions/" + sid + "/tickets", null).json().getString("ticket")));
            f.await("welcome");
            assertEquals("ack", f.call("session.end").getString("type"));
            assertEquals(201, circle.http().post("/api/invitations/" + token + "/check-outs", json("sessionId", sid,
                    "ratings", json("connection", 3, "topics", 4, "approach", 5, "overall", 6), "goal", "Sleep before midnight")).status());

            process.restart();
            Http admin = new Http(process.baseUrl()).as(new Http(process.baseUrl()).post("/api/auth/login",
                    json("email", CircleServer.ADMIN_EMAIL, "password", CircleServer.ADMIN_PASSWORD)).json().getString("token"));
            assertEquals("Attic room at Mum's", admin.get("/api/sessions/" + sid + "/check-ins").structure().asJsonArray()
                    .getJsonObject(0).getString("location"), "the same key opens it after a restart");
            assertEquals(key, Files.readString(keyFile).strip(), "made once");
            assertEquals("Sleep before midnight", new Http(process.baseUrl()).get("/api/invitations/" + token).json()
                    .getJsonObject("care").getJsonObject("lastGoal").getString("text"), "on H2 too, and after the restart");
            assertEquals(6.0, admin.get("/api/groups/" + gid + "/check-outs").structure().asJsonArray().getJsonObject(0)
                    .getJsonObject("averages").getJsonNumber("overall").doubleValue());
            String log = process.log();
            assertTrue(log.contains(keyFile.toString()), "the log says where the key is");
            assertFalse(log.contains(key), "the log never holds the key");
            assertFalse(log.contains("Attic room") || log.contains("1234567") || log.contains("midnight"), "nor what the member typed");
        }
    }

    @Test
    void aKeyThatIsNot256BitsStopsTheStartWithALineThatNamesTheSettingOnly() throws Exception {
        String wrong = "c2hvcnQta2V5LW9mLXNpeHRlZW4=";
        try (CircleProcess process = new CircleProcess("care-bad-key", Map.of("CIRCLE_DATA_DIR", "h2-data", "CIRCLE_DATA_KEY", wrong))) {
            int exit = process.startExpectingExit(Duration.ofSeconds(90));
            assertNotEquals(0, exit);
            String log = process.log();
            assertTrue(log.contains("Circle cannot start: its data key cannot be used (CIRCLE_DATA_KEY must be 32 bytes"), log);
            assertFalse(log.contains(wrong), "the key is never logged");
        }
    }
}
