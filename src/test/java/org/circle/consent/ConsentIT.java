package org.circle.consent;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Versioned agreements, append-only decisions, export, and the admission gate, against MariaDB. */
@ExtendWith(CircleServer.class)
class ConsentIT {

    private static JsonObject publish(Http admin, String gid, String kind, String body, boolean required) {
        var answer = admin.post("/api/groups/" + gid + "/consent-documents", json("kind", kind, "title", "Our agreement", "body", body, "required", required));
        assertEquals(201, answer.status(), answer.toString());
        return answer.json();
    }

    private static Http.Answer decide(Circle circle, String token, String documentId, String decision) {
        return circle.http().post("/api/invitations/" + token + "/consents", json("documentId", documentId, "decision", decision));
    }

    @Test
    void publishingAKindAgainMakesANewVersionAndKeepsTheOld(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        JsonObject v1 = publish(circle.admin(), s.groupId, "group-agreement", "What is said here stays here.", true);
        assertEquals(1, v1.getInt("version"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("What is said here stays here.".getBytes("UTF-8")));
        assertEquals(expected, v1.getString("sha256"));
        JsonObject v2 = publish(circle.admin(), s.groupId, "group-agreement", "What is said here stays here. Always.", true);
        assertEquals(2, v2.getInt("version"));
        publish(circle.admin(), s.groupId, "recording", "No recording.", false);
        JsonArray current = circle.admin().get("/api/groups/" + s.groupId + "/consent-documents").structure().asJsonArray();
        assertEquals(2, current.size());
        assertTrue(current.toString().contains(v2.getString("id")) && !current.toString().contains(v1.getString("id")));
        try (var c = circle.database().connect(); var q = c.prepareStatement("SELECT body FROM consent_document WHERE id = ?")) {
            q.setString(1, v1.getString("id"));
            var rs = q.executeQuery();
            rs.next();
            assertEquals("What is said here stays here.", rs.getString(1), "earlier versions stay as they were");
        }
    }

    @Test
    void documentsAreValidatedAndPrivateToTheGroup(Circle circle) {
        Setting s = new Setting(circle);
        String path = "/api/groups/" + s.groupId + "/consent-documents";
        bad(circle.admin().post(path, json("kind", "Group Agreement", "title", "t", "body", "b", "required", true)), "kind");
        bad(circle.admin().post(path, json("kind", "k", "body", "b", "required", true)), "title");
        bad(circle.admin().post(path, json("kind", "k", "title", "t", "body", "x".repeat(20_001), "required", true)), "body");
        bad(circle.admin().post(path, json("kind", "k", "title", "t", "body", "b")), "required");
        assertEquals(0, circle.admin().get(path).structure().asJsonArray().size(), "nothing half-written");
        Setting other = new Setting(circle);
        String otherToken = other.member("Outsider");
        JsonObject doc = publish(circle.admin(), s.groupId, "group-agreement", "text", true);
        assertEquals(404, decide(circle, otherToken, doc.getString("id"), "granted").status(), "a document of another group");
    }

    @Test
    void decisionsAreRecordedAndCompletenessFollowsTheCurrentVersion(Circle circle) {
        Setting s = new Setting(circle);
        JsonObject doc = publish(circle.admin(), s.groupId, "group-agreement", "Be kind.", true);
        String token = s.member("Ann");
        String members = "/api/groups/" + s.groupId + "/members";
        assertEquals("missing", circle.admin().get(members).structure().asJsonArray().getJsonObject(0).getString("consent"));
        JsonObject invitation = circle.http().get("/api/invitations/" + token).json();
        assertEquals("missing", invitation.getJsonArray("consents").getJsonObject(0).getString("status"));
        assertEquals("Be kind.", invitation.getJsonArray("consents").getJsonObject(0).getJsonObject("document").getString("body"));

        var granted = decide(circle, token, doc.getString("id"), "granted");
        assertEquals(201, granted.status(), granted.toString());
        assertEquals(doc.getString("sha256"), granted.json().getString("sha256"));
        assertEquals(1, granted.json().getInt("version"));
        assertEquals("complete", circle.admin().get(members).structure().asJsonArray().getJsonObject(0).getString("consent"));

        JsonObject v2 = publish(circle.admin(), s.groupId, "group-agreement", "Be kind. Be on time.", true);
        assertEquals("missing", circle.admin().get(members).structure().asJsonArray().getJsonObject(0).getString("consent"),
                "a new version asks again");
        var stale = decide(circle, token, doc.getString("id"), "granted");
        assertEquals(409, stale.status());
        assertEquals("STALE_VERSION", stale.code());
        assertEquals(201, decide(circle, token, v2.getString("id"), "granted").status());
        assertEquals(201, decide(circle, token, v2.getString("id"), "withdrawn").status());
        assertEquals("missing", circle.admin().get(members).structure().asJsonArray().getJsonObject(0).getString("consent"));

        bad(decide(circle, token, v2.getString("id"), "maybe"), "decision");
        bad(circle.http().post("/api/invitations/" + token + "/consents", json("decision", "granted")), "documentId");
        assertEquals(404, decide(circle, token, "no-such-document", "granted").status());
        assertEquals(404, decide(circle, "not-a-token", v2.getString("id"), "granted").status());
    }

    @Test
    void theRecordIsExportedOldestFirstAsJsonAndCsv(Circle circle) {
        Setting s = new Setting(circle);
        JsonObject doc = publish(circle.admin(), s.groupId, "group-agreement", "text", true);
        String token = circle.admin().post("/api/groups/" + s.groupId + "/members", json("displayName", "=cmd|' /C calc'!A0, \"Jo\"")).json()
                .getJsonObject("invitation").getString("token");
        decide(circle, token, doc.getString("id"), "declined");
        decide(circle, token, doc.getString("id"), "granted");
        String path = "/api/groups/" + s.groupId + "/consent-records";
        JsonArray records = circle.admin().get(path).structure().asJsonArray();
        assertEquals(2, records.size());
        assertEquals("declined", records.getJsonObject(0).getString("decision"));
        assertEquals("granted", records.getJsonObject(1).getString("decision"));
        assertTrue(records.getJsonObject(0).getString("userAgent").startsWith("Java-http-client"));

        var csv = circle.admin().get(path, "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, lines.length);
        assertEquals("\"id\",\"memberId\",\"displayName\",\"documentId\",\"kind\",\"version\",\"sha256\",\"decision\",\"at\",\"userAgent\"", lines[0]);
        assertTrue(lines[1].contains(",\"'=cmd|' /C calc'!A0, \"\"Jo\"\"\","), "quoted and defused: " + lines[1]);
        assertEquals(401, circle.http().get(path).status(), "facilitators only");
    }

    @Test
    void theDatabaseRefusesToChangeARecord(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        JsonObject doc = publish(circle.admin(), s.groupId, "group-agreement", "text", true);
        String id = decide(circle, s.member("Ann"), doc.getString("id"), "granted").json().getString("id");
        try (var c = circle.database().connect(); var sql = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE consent_record SET decision = 'declined' WHERE id = '" + id + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM consent_record WHERE id = '" + id + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            var rs = sql.executeQuery("SELECT decision FROM consent_record WHERE id = '" + id + "'");
            rs.next();
            assertEquals("granted", rs.getString(1));
        }
    }

    @Test
    void theLiveSessionHonoursConsent(Circle circle) {
        Setting s = new Setting(circle);
        JsonObject doc = publish(circle.admin(), s.groupId, "group-agreement", "text", true);
        String ann = s.member("Ann");
        Ws f = s.connect(s.facilitatorTicket());
        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(ann)));
        String aId = a.await("welcome").getJsonObject("you").getString("id");
        JsonObject waiting = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        assertEquals("missing", waiting.getJsonArray("waiting").getJsonObject(0).getString("consent"));
        assertEquals("CONSENT_INCOMPLETE", f.call("admit", "participant", aId).getString("code"));

        decide(circle, ann, doc.getString("id"), "granted");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains("\"consent\":\"complete\""));
        assertEquals("ack", f.call("admit", "participant", aId).getString("type"));
        a.await("admitted");

        decide(circle, ann, doc.getString("id"), "withdrawn");
        JsonObject back = a.await(fr -> fr.getString("type").equals("waiting") && fr.containsKey("message"));
        assertFalse(back.getString("message").isBlank());
        f.await(fr -> fr.getString("type").equals("roster") && !fr.toString().contains(aId));
    }

    private static void bad(Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals(field, answer.json().getString("field"), answer.toString());
    }
}
