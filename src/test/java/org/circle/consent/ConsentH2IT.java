package org.circle.consent;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;

/** On the embedded H2 default, too, the database refuses to change a consent record. */
class ConsentH2IT {

    @Test
    void h2RefusesUpdateAndDeleteOfConsentRecords() throws Exception {
        CircleProcess circle = new CircleProcess("consent-h2", Map.of("CIRCLE_DATA_DIR", "h2-data", "CIRCLE_SETUP_CODE", "H2-CODE"));
        circle.start();
        Http http = new Http(circle.baseUrl());
        http.post("/api/setup", json("setupCode", "H2-CODE", "email", "h@clinic.test", "displayName", "H", "password", "h2 passphrase 1"));
        Http admin = http.as(http.post("/api/auth/login", json("email", "h@clinic.test", "password", "h2 passphrase 1")).json().getString("token"));
        String gid = admin.post("/api/groups", json("name", "H2 group")).json().getString("id");
        String doc = admin.post("/api/groups/" + gid + "/consent-documents", json("kind", "group-agreement", "title", "t", "body", "b", "required", true)).json().getString("id");
        String token = admin.post("/api/groups/" + gid + "/members", json("displayName", "M")).json().getJsonObject("invitation").getString("token");
        var recorded = http.post("/api/invitations/" + token + "/consents", json("documentId", doc, "decision", "granted"));
        assertEquals(201, recorded.status(), recorded.toString());
        circle.stop(false);

        String url = "jdbc:h2:file:" + circle.workDir().resolve("h2-data/circle").toAbsolutePath() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "circle", ""); var sql = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE consent_record SET decision = 'declined'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM consent_record"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            var rs = sql.executeQuery("SELECT COUNT(*) FROM consent_record WHERE decision = 'granted'");
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }
}
