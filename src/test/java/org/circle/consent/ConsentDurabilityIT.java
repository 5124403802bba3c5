package org.circle.consent;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.circle.testing.CircleProcess;
import org.circle.testing.Http;
import org.circle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Consent decisions are posted from four threads while the server is killed with SIGKILL. After
 * a restart on the same MariaDB database, every decision that was acknowledged is there, exactly
 * once, and nothing is there twice.
 */
class ConsentDurabilityIT {

    @Test
    void everyAcknowledgedDecisionSurvivesAKill() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("CIRCLE_SETUP_CODE", "DURABLE-1");
            CircleProcess circle = new CircleProcess("consent-durability", env).start();
            Http http = new Http(circle.baseUrl());
            http.post("/api/setup", json("setupCode", "DURABLE-1", "email", "d@clinic.test", "displayName", "D", "password", "durable passphrase"));
            Http admin = http.as(http.post("/api/auth/login", json("email", "d@clinic.test", "password", "durable passphrase")).json().getString("token"));
            String gid = admin.post("/api/groups", json("name", "Durable")).json().getString("id");
            String doc = admin.post("/api/groups/" + gid + "/consent-documents",
                    json("kind", "group-agreement", "title", "t", "body", "b", "required", true)).json().getString("id");
            List<String> tokens = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tokens.add(admin.post("/api/groups/" + gid + "/members", json("displayName", "M" + i)).json().getJsonObject("invitation").getString("token"));
            }

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService posters = Executors.newFixedThreadPool(4);
            for (String token : tokens) {
                posters.submit(() -> {
                    String[] decisions = {"granted", "withdrawn", "declined"};
                    for (int n = 0; !stop.get() && n < 100_000; n++) {
                        try {
                            var answer = http.post("/api/invitations/" + token + "/consents", json("documentId", doc, "decision", decisions[n % 3]));
                            if (answer.status() == 201) acknowledged.add(answer.json().getString("id"));
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (acknowledged.size() < 150 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            circle.stop(true); // SIGKILL while decisions are in flight
            stop.set(true);
            posters.shutdown();
            assertTrue(posters.awaitTermination(30, TimeUnit.SECONDS));
            assertTrue(acknowledged.size() >= 50, "decisions were being acknowledged: " + acknowledged.size());

            circle.start();
            try (var c = database.connect(); var sql = c.createStatement()) {
                ResultSet rs = sql.executeQuery("SELECT id, COUNT(*) FROM consent_record GROUP BY id");
                Set<String> present = new java.util.HashSet<>();
                while (rs.next()) {
                    assertEquals(1, rs.getInt(2), "no record twice");
                    present.add(rs.getString(1));
                }
                for (String id : acknowledged) assertTrue(present.contains(id), "acknowledged record " + id + " is present");
                ResultSet dupes = sql.executeQuery("SELECT COUNT(*) FROM (SELECT seq FROM consent_record GROUP BY member_id, seq HAVING COUNT(*) > 1) d");
                dupes.next();
                assertEquals(0, dupes.getInt(1), "no decision stored twice");
            }
            assertEquals(200, new Http(circle.baseUrl()).get("/health/ready").status(), "the server came back");
            circle.close();
        }
    }
}
