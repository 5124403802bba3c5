package org.circle.care;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Group care settings and the safety check-in over real HTTP, stored in a real MariaDB. */
@ExtendWith(CircleServer.class)
class CareIT {

    static Http.Answer checkIn(Circle circle, String token, String sessionId, String location, String phone) {
        return circle.http().post("/api/invitations/" + token + "/check-ins",
                json("sessionId", sessionId, "location", location, "phone", phone, "privateSpace", true));
    }

    static Http.Answer patch(Http http, String gid, JsonObject body) {
        return http.send("PATCH", "/api/groups/" + gid, body.toString(), "application/json");
    }

    static void bad(Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("BAD_REQUEST", answer.code());
        assertEquals(field, answer.json().getString("field"), answer.toString());
    }

    static Http colleague(Circle circle) {
        String email = "colleague" + System.nanoTime() + "@clinic.test";
        circle.admin().post("/api/facilitators", json("email", email, "displayName", "Colleague", "password", "another long passphrase"));
        return circle.http().as(circle.http().post("/api/auth/login", json("email", email, "password", "another long passphrase"))
                .json().getString("token"));
    }

    @Test
    void careSettingsDefaultToOffAndChangeOnlyWhatIsSent(Circle circle) {
        Setting s = new Setting(circle);
        JsonObject group = circle.admin().get("/api/groups/" + s.groupId).json();
        assertEquals("off", group.getString("checkIn"));
        assertEquals(120, group.getInt("facilitatorGraceSeconds"));
        assertFalse(group.containsKey("crisisText") && !group.isNull("crisisText"));

        var changed = patch(circle.admin(), s.groupId, json("checkIn", "required", "crisisText", "If you are in danger, call 112."));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("required", changed.json().getString("checkIn"));
        patch(circle.admin(), s.groupId, json("facilitatorGraceSeconds", 300));
        group = circle.admin().get("/api/groups/" + s.groupId).json();
        assertEquals("required", group.getString("checkIn"), "a field not sent stays as it was");
        assertEquals("If you are in danger, call 112.", group.getString("crisisText"));
        assertEquals(300, group.getInt("facilitatorGraceSeconds"));
        assertEquals(s.groupName, group.getString("name"));

        bad(patch(circle.admin(), s.groupId, json("checkIn", "always")), "checkIn");
        bad(patch(circle.admin(), s.groupId, json("crisisText", "x".repeat(1001))), "crisisText");
        bad(patch(circle.admin(), s.groupId, json("facilitatorGraceSeconds", "soon")), "facilitatorGraceSeconds");
        assertEquals("required", circle.admin().get("/api/groups/" + s.groupId).json().getString("checkIn"), "a refusal changes nothing");
        assertEquals(404, patch(colleague(circle), s.groupId, json("checkIn", "off")).status(), "another facilitator's group");
        assertEquals(401, patch(circle.http(), s.groupId, json("checkIn", "off")).status());

        JsonObject care = circle.http().get("/api/invitations/" + s.member("Ann")).json().getJsonObject("care");
        assertEquals("required", care.getString("checkIn"));
        assertEquals("If you are in danger, call 112.", care.getString("crisisText"));
        patch(circle.admin(), s.groupId, json("crisisText", ""));
        assertFalse(circle.admin().get("/api/groups/" + s.groupId).json().containsKey("crisisText"), "an empty text clears it");
    }

    @Test
    void aCheckInIsDurableSupersededAndReadOnlyByTheGroupsFacilitators(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String ann = s.member("Ann");
        var first = checkIn(circle, ann, s.sessionId, "Kitchen table at my parents' house", "+44 7700 900123");
        assertEquals(201, first.status(), first.toString());
        JsonObject recorded = first.json();
        assertEquals(s.sessionId, recorded.getString("sessionId"));
        Instant.parse(recorded.getString("at"));
        try (var c = circle.database().connect(); var q = c.prepareStatement("SELECT COUNT(*) FROM check_in WHERE id = ?")) {
            q.setString(1, recorded.getString("id"));
            var rs = q.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1), "committed before the 201");
        }
        var second = circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId,
                "location", "My car outside work", "phone", "+44 7700 900456", "emergencyContact", "My partner Sam, 07700 900789",
                "privateSpace", false));
        assertEquals(201, second.status());

        JsonArray list = circle.admin().get("/api/sessions/" + s.sessionId + "/check-ins").structure().asJsonArray();
        assertEquals(1, list.size(), "the new check-in replaces the first: " + list);
        JsonObject seen = list.getJsonObject(0);
        assertEquals("My car outside work", seen.getString("location"));
        assertEquals("+44 7700 900456", seen.getString("phone"));
        assertEquals("My partner Sam, 07700 900789", seen.getString("emergencyContact"));
        assertFalse(seen.getBoolean("privateSpace"));
        assertEquals("Ann", seen.getString("memberName"));

        assertEquals(401, circle.http().get("/api/sessions/" + s.sessionId + "/check-ins").status());
        assertEquals(404, colleague(circle).get("/api/sessions/" + s.sessionId + "/check-ins").status());
        Setting other = new Setting(circle);
        assertEquals(404, checkIn(circle, other.member("Bo"), s.sessionId, "x", "123").status(), "another group's session");
        assertEquals(404, checkIn(circle, "no-such-token", s.sessionId, "x", "123").status());
        bad(circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId, "location", "x".repeat(201),
                "phone", "123", "privateSpace", true)), "location");
        bad(circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId, "location", "home",
                "phone", "1".repeat(41), "privateSpace", true)), "phone");
        bad(circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId, "location", "home",
                "phone", "123")), "privateSpace");
        bad(circle.http().postRaw("/api/invitations/" + ann + "/check-ins", "not json"), "body");
        assertEquals("My car outside work", circle.admin().get("/api/sessions/" + s.sessionId + "/check-ins").structure()
                .asJsonArray().getJsonObject(0).getString("location"), "a refused check-in loses nothing");
    }

    @Test
    void theDatabaseAndItsDumpHoldNoPlaintext(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String location = "Room 4B Quietwater Lodge " + System.nanoTime();
        String phone = "+41 79 " + (System.nanoTime() % 9_000_000 + 1_000_000);
        String contact = "Aunt Petronella " + System.nanoTime();
        var answer = circle.http().post("/api/invitations/" + s.member("Ann") + "/check-ins", json("sessionId", s.sessionId,
                "location", location, "phone", phone, "emergencyContact", contact, "privateSpace", true));
        assertEquals(201, answer.status());
        String id = answer.json().getString("id");

        StringBuilder everyColumn = new StringBuilder();
        try (var c = circle.database().connect(); var q = c.createStatement()) {
            var rs = q.executeQuery("SELECT * FROM check_in");
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) for (int i = 1; i <= columns; i++) everyColumn.append(rs.getString(i)).append('|');
        }
        assertTrue(everyColumn.toString().contains(id), "the row is there");
        for (String typed : new String[] {location, phone, contact, "Quietwater", "Petronella"}) {
            assertFalse(everyColumn.toString().contains(typed), "plaintext in the table: " + typed);
        }
        var dump = new ProcessBuilder("mysqldump", "-h", "127.0.0.1", "-u", "root", "--skip-ssl", "--hex-blob",
                circle.database().name(), "check_in").redirectErrorStream(true).start();
        String dumped = new String(dump.getInputStream().readAllBytes());
        assertEquals(0, dump.waitFor(), dumped);
        assertTrue(dumped.contains(id), "the dump holds the row");
        for (String typed : new String[] {location, phone, contact, "Quietwater", "Petronella"}) {
            assertFalse(dumped.contains(typed), "plaintext in the dump: " + typed);
        }
        assertEquals(location, circle.admin().get("/api/sessions/" + s.sessionId + "/check-ins").structure().asJsonArray()
                .getJsonObject(0).getString("location"), "and yet the facilitator reads it");
    }

    @Test
    void anExpiredCheckInIsDeletedByTheRetentionJob(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String old = checkIn(circle, s.member("Ann"), s.sessionId, "Old place", "123 456").json().getString("id");
        String fresh = checkIn(circle, s.member("Bo"), s.sessionId, "New place", "123 789").json().getString("id");
        try (var c = circle.database().connect(); var u = c.prepareStatement("UPDATE check_in SET checked_in_at = ? WHERE id = ?")) {
            u.setTimestamp(1, Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)));
            u.setString(2, old);
            assertEquals(1, u.executeUpdate());
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && count(circle, old) > 0) Thread.sleep(250);
        assertEquals(0, count(circle, old), "31 days old: deleted by the job (CIRCLE_CHECKIN_SWEEP_SECONDS=2)");
        assertEquals(1, count(circle, fresh), "a check-in within the retention period stays");
        JsonArray left = circle.admin().get("/api/sessions/" + s.sessionId + "/check-ins").structure().asJsonArray();
        assertEquals(1, left.size());
        assertEquals("New place", left.getJsonObject(0).getString("location"));
    }

    private static int count(Circle circle, String id) throws Exception {
        try (var c = circle.database().connect(); var q = c.prepareStatement("SELECT COUNT(*) FROM check_in WHERE id = ?")) {
            q.setString(1, id);
            var rs = q.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }
}
