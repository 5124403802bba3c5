package org.circle.consent;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.circle.platform.Secrets;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.Http;
import org.circle.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before the chain (migrated to V36, with decisions in two groups, one without a
 * browser, times with microseconds) is upgraded by V37: the existing records are chained in the
 * order they were made, Circle starts ready, the chains verify, and the next decision follows on.
 */
class ConsentChainUpgradeIT {

    @Test
    void existingRecordsAreChainedByTheMigration() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            Flyway.configure().dataSource(database.url(), "root", "").locations("classpath:db/migration/common")
                    .target("36").load().migrate();
            try (Connection c = database.connect(); var sql = c.createStatement()) {
                for (String g : new String[] {"g1", "g2"}) {
                    sql.execute("INSERT INTO circle_group (id, name, created_at) VALUES ('" + g + "', 'Group', '2026-01-01 09:00:00')");
                    sql.execute("INSERT INTO group_member (id, group_id, display_name, invitation_hash, created_at) VALUES ('m-" + g + "', '" + g
                            + "', 'Ann', '" + Secrets.hash("invitation-" + g) + "', '2026-01-01 09:00:00')");
                    sql.execute("INSERT INTO consent_document (id, group_id, kind, version, title, body, sha256, required, published_at) VALUES ('d-" + g
                            + "', '" + g + "', 'group-agreement', 1, 't', 'b', '" + "a".repeat(64) + "', TRUE, '2026-01-01 09:00:00')");
                }
                // Inserted out of order on purpose: chain order is seq, not insertion order.
                record(sql, "r3", "g1", "granted", "2026-01-02 10:00:02.654321", 3, "'Firefox'");
                record(sql, "r1", "g1", "granted", "2026-01-02 10:00:00.123456", 1, "'Firefox'");
                record(sql, "r2", "g1", "withdrawn", "2026-01-02 10:00:01.000001", 2, "NULL");
                record(sql, "r4", "g2", "declined", "2026-01-03 11:00:00", 4, "'Safari'");
            }

            Map<String, String> env = new HashMap<>(database.env());
            env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
            try (CircleProcess circle = new CircleProcess("consent-chain-upgrade", env).start()) {
                Http http = new Http(circle.baseUrl());
                Http admin = http.as(CircleServer.setUp(http));
                try (Connection c = database.connect(); var sql = c.createStatement()) {
                    sql.execute("INSERT INTO group_facilitator (group_id, facilitator_id, added_at) SELECT g.id, f.id, NOW() FROM circle_group g, facilitator f");
                    var rs = sql.executeQuery("SELECT prev_hash FROM consent_record WHERE id = 'r1'");
                    rs.next();
                    assertEquals("0".repeat(64), rs.getString(1), "the oldest record follows the genesis value");
                }
                JsonObject g1 = admin.get("/api/groups/g1/consent-records/verification").json();
                assertTrue(g1.getBoolean("intact"), g1.toString());
                assertEquals(3, g1.getInt("records"));
                JsonObject g2 = admin.get("/api/groups/g2/consent-records/verification").json();
                assertTrue(g2.getBoolean("intact"), g2.toString());
                assertEquals(1, g2.getInt("records"));

                var next = http.post("/api/invitations/invitation-g1/consents", json("documentId", "d-g1", "decision", "declined"));
                assertEquals(201, next.status(), next.toString());
                JsonObject after = admin.get("/api/groups/g1/consent-records/verification").json();
                assertTrue(after.getBoolean("intact"), after.toString());
                assertEquals(4, after.getInt("records"));
                assertEquals(200, http.get("/health/ready").status());
            }
        }
    }

    private static void record(java.sql.Statement sql, String id, String group, String decision, String at, long seq, String userAgent) throws Exception {
        sql.execute("INSERT INTO consent_record (id, group_id, member_id, document_id, kind, version, sha256, decision, decided_at, seq, user_agent)"
                + " VALUES ('" + id + "', '" + group + "', 'm-" + group + "', 'd-" + group + "', 'group-agreement', 1, '" + "a".repeat(64) + "', '"
                + decision + "', '" + at + "', " + seq + ", " + userAgent + ")");
    }
}
