package org.circle.consent;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Colleague;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17, item 1, on MariaDB: Circle runs as an application account that cannot undo
 * append-only (the schema belongs to a separate migration account), and what root can still do
 * below it (rewrite, delete, forge, drop a trigger) is found by the hash chain: by the
 * verification endpoint at once, and by the start check after a restart, which keeps readiness
 * DOWN. One server for the class; the restart comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentChainIT {

    private static final String APP_PASSWORD = "app account passphrase";
    private static final String MIGRATION_PASSWORD = "migration account passphrase";
    private static TestDatabase database;
    private static String app;
    private static String migrator;
    private static Circle circle;

    @BeforeAll
    static void start() throws Exception {
        database = new TestDatabase();
        String suffix = database.name().substring(database.name().length() - 12);
        app = "app_" + suffix;
        migrator = "mig_" + suffix;
        try (Connection c = database.connect(); var sql = c.createStatement()) {
            // The accounts as docs/operations.md ("Database accounts") makes them.
            sql.execute("CREATE USER '" + migrator + "'@'%' IDENTIFIED BY '" + MIGRATION_PASSWORD + "'");
            sql.execute("GRANT CREATE, ALTER, DROP, INDEX, TRIGGER, REFERENCES, SELECT, INSERT, UPDATE, DELETE ON "
                    + database.name() + ".* TO '" + migrator + "'@'%' WITH GRANT OPTION");
            sql.execute("CREATE USER '" + app + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + database.name() + ".* TO '" + app + "'@'%'");
            // MariaDB's binary log is off here; with it on, creating triggers needs
            // log_bin_trust_function_creators (as ops/compose.yaml sets for MySQL).
        }
        Map<String, String> env = new HashMap<>();
        env.put("CIRCLE_DB_URL", database.url());
        env.put("CIRCLE_DB_USER", app);
        env.put("CIRCLE_DB_PASSWORD", APP_PASSWORD);
        env.put("CIRCLE_DB_MIGRATION_USER", migrator);
        env.put("CIRCLE_DB_MIGRATION_PASSWORD", MIGRATION_PASSWORD);
        env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
        CircleProcess process = new CircleProcess("consent-chain", env).start();
        Http http = new Http(process.baseUrl());
        circle = new Circle(process, database, http, CircleServer.setUp(http));
    }

    @AfterAll
    static void stop() throws Exception {
        if (circle != null) circle.process().close();
        try (Connection c = database.connect(); var sql = c.createStatement()) {
            sql.execute("DROP USER IF EXISTS '" + app + "'@'%'");
            sql.execute("DROP USER IF EXISTS '" + migrator + "'@'%'");
        }
        database.close();
    }

    private static Connection asApp() throws SQLException {
        return DriverManager.getConnection(database.url(), app, APP_PASSWORD);
    }

    private static String document(Setting s) {
        var answer = circle.admin().post("/api/groups/" + s.groupId + "/consent-documents",
                json("kind", "group-agreement", "title", "Our agreement", "body", "Be kind.", "required", true));
        assertEquals(201, answer.status(), answer.toString());
        return answer.json().getString("id");
    }

    /** A group with three decisions; returns the record ids, oldest first. */
    private static List<String> threeDecisions(Setting s) {
        String doc = document(s);
        String token = s.member("Ann");
        List<String> ids = new ArrayList<>();
        for (String decision : new String[] {"granted", "withdrawn", "granted"}) {
            var answer = circle.http().post("/api/invitations/" + token + "/consents", json("documentId", doc, "decision", decision));
            assertEquals(201, answer.status(), answer.toString());
            ids.add(answer.json().getString("id"));
        }
        return ids;
    }

    private static JsonObject verification(Setting s) {
        var answer = circle.admin().get("/api/groups/" + s.groupId + "/consent-records/verification");
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }

    private static void asRoot(String... statements) throws SQLException {
        try (Connection c = database.connect(); var sql = c.createStatement()) {
            for (String statement : statements) sql.execute(statement);
        }
    }

    private static final String SIGNAL = " FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent records are append-only'";

    @Test
    @Order(1)
    void theApplicationAccountCannotUndoAppendOnly() throws Exception {
        Setting s = new Setting(circle);
        String id = threeDecisions(s).get(0);
        try (Connection c = asApp(); var sql = c.createStatement()) {
            for (String attack : new String[] {
                    "DROP TRIGGER consent_record_no_update",
                    "DROP TRIGGER consent_record_no_delete",
                    "UPDATE consent_record SET decision = 'declined' WHERE id = '" + id + "'",
                    "DELETE FROM consent_record WHERE id = '" + id + "'",
                    "TRUNCATE TABLE consent_record",
                    "ALTER TABLE consent_record DROP INDEX uq_record_chain",
                    "DROP TABLE consent_record",
                    "CREATE TRIGGER sneak BEFORE INSERT ON consent_record FOR EACH ROW SET NEW.decision = 'granted'",
                    "UPDATE flyway_schema_history SET success = 0"}) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(attack), attack);
                assertTrue(refused.getMessage().contains("denied") || refused.getMessage().contains("append-only"),
                        attack + ": " + refused.getMessage());
            }
            var rs = sql.executeQuery("SELECT COUNT(*) FROM consent_record WHERE group_id = '" + s.groupId + "'");
            rs.next();
            assertEquals(3, rs.getInt(1), "all three records are still there");
        }
        JsonObject v = verification(s);
        assertTrue(v.getBoolean("intact"), v.toString());
        assertEquals(3, v.getInt("records"));
        assertEquals(64, v.getString("head").length());
    }

    @Test
    @Order(2)
    void verificationIsForTheGroupsFacilitatorsOnly() {
        Setting s = new Setting(circle);
        String path = "/api/groups/" + s.groupId + "/consent-records/verification";
        assertEquals(401, circle.http().get(path).status());
        assertEquals(404, Colleague.add(circle, "chain").http.get(path).status(), "a facilitator of another group learns nothing");
        JsonObject empty = verification(s);
        assertTrue(empty.getBoolean("intact"));
        assertEquals(0, empty.getInt("records"));
    }

    @Test
    @Order(3)
    void concurrentDecisionsForOneGroupDoNotForkTheChain() throws Exception {
        Setting s = new Setting(circle);
        String doc = document(s);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) tokens.add(s.member("M" + i));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posters = new ArrayList<>();
            for (String token : tokens) {
                posters.add(() -> {
                    int ok = 0;
                    for (int n = 0; n < 10; n++) {
                        var answer = circle.http().post("/api/invitations/" + token + "/consents",
                                json("documentId", doc, "decision", n % 2 == 0 ? "granted" : "withdrawn"));
                        if (answer.status() != 201) throw new AssertionError(answer.toString());
                        ok++;
                    }
                    return ok;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(posters)) total += f.get();
            assertEquals(80, total);
        } finally {
            pool.shutdownNow();
        }
        JsonObject v = verification(s);
        assertTrue(v.getBoolean("intact"), v.toString());
        assertEquals(80, v.getInt("records"));
    }

    @Test
    @Order(4)
    void whatRootChangesBelowCircleIsFound() throws Exception {
        Setting rewritten = new Setting(circle);
        String changed = threeDecisions(rewritten).get(1);
        asRoot("DROP TRIGGER consent_record_no_update",
                "UPDATE consent_record SET decision = 'granted' WHERE id = '" + changed + "'",
                "CREATE TRIGGER consent_record_no_update BEFORE UPDATE ON consent_record" + SIGNAL);
        broken(rewritten, changed, "rewritten");

        Setting deleted = new Setting(circle);
        List<String> ids = threeDecisions(deleted);
        asRoot("DROP TRIGGER consent_record_no_delete",
                "DELETE FROM consent_record WHERE id = '" + ids.get(1) + "'",
                "CREATE TRIGGER consent_record_no_delete BEFORE DELETE ON consent_record" + SIGNAL);
        broken(deleted, ids.get(2), "removed");

        // A forged record appended as Circle's own account could (it may INSERT): the chain head
        // it cannot see past says there are three records.
        Setting forged = new Setting(circle);
        List<String> real = threeDecisions(forged);
        try (Connection c = asApp(); var sql = c.createStatement()) {
            sql.execute("INSERT INTO consent_record (id, group_id, member_id, document_id, kind, version, sha256, decision, decided_at, seq, user_agent, prev_hash, record_hash)"
                    + " SELECT 'forged" + System.nanoTime() % 100000 + "', group_id, member_id, document_id, kind, version, sha256, 'granted', decided_at, seq + 1, user_agent, record_hash, REPEAT('f', 64)"
                    + " FROM consent_record WHERE id = '" + real.get(2) + "'");
        }
        JsonObject v = verification(forged);
        assertFalse(v.getBoolean("intact"), v.toString());
        assertEquals(4, v.getInt("records"));
        assertTrue(v.getString("firstBrokenRecordId").startsWith("forged"), v.toString());

        String ready = circle.http().get("/health/ready").body();
        assertTrue(ready.contains("DOWN") && ready.contains(forged.groupId), "readiness says which group: " + ready);
        assertEquals(503, circle.http().get("/api/health/ready").status());
    }

    private static void broken(Setting s, String at, String reasonWord) {
        JsonObject v = verification(s);
        assertFalse(v.getBoolean("intact"), v.toString());
        assertEquals(at, v.getString("firstBrokenRecordId"), v.toString());
        assertTrue(v.getString("reason").contains(reasonWord), v.toString());
    }

    @Test
    @Order(5)
    void aStartFindsAMissingTriggerAndABrokenChain() throws Exception {
        asRoot("DROP TRIGGER consent_record_no_delete");
        circle.process().stop(false);
        circle.process().startAnswering();
        String body = awaitReadinessSaying("/health/ready", "missing");
        assertTrue(body.contains("DELETE") && body.contains("broken"), body);
        assertTrue(circle.process().log().contains("Integrity check consent-records failed"), "logged");
        // MicroProfile's address answers while the application still deploys; the contract's
        // own one only once it is up, which is when the start check has long been done.
        assertTrue(awaitReadinessSaying("/api/health/ready", "missing").contains("DELETE"));
    }

    private static String awaitReadinessSaying(String path, String word) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            var answer = circle.http().get(path);
            body = answer.body();
            if (answer.status() == 503 && body.contains(word)) return body;
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never said \"" + word + "\": " + body);
    }
}
