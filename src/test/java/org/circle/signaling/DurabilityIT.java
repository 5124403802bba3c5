package org.circle.signaling;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.TestDatabase;
import org.circle.testing.Ws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the user did against MariaDB (issue 16): a facilitator removes Bob, locks the session,
 * hands go up and the floor is given; Circle is killed with kill -9 and started again on the
 * same database. The session must carry on as it was, and a write the database refuses must be
 * an error to its sender that changed nothing. A server of its own: this test kills it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurabilityIT {

    private TestDatabase database;
    private CircleProcess process;
    private Circle circle;

    /** MariaDB here; {@link DurabilityOnH2IT} runs the same on the embedded database. */
    boolean onMariaDb() { return true; }

    @BeforeAll
    void start() {
        Map<String, String> env = new HashMap<>();
        if (onMariaDb()) {
            database = new TestDatabase();
            env.putAll(database.env());
        }
        env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
        process = new CircleProcess(onMariaDb() ? "durability-mariadb" : "durability-h2", env).start();
        Http http = new Http(process.baseUrl());
        circle = new Circle(process, database, http, CircleServer.setUp(http));
    }

    @AfterAll
    void stop() {
        if (process != null) process.close();
        if (database != null) database.close();
    }

    private static String id(JsonObject welcome) { return welcome.getJsonObject("you").getString("id"); }

    private static List<String> ids(JsonArray queue) {
        return queue.stream().map(v -> v.asJsonObject().getString("participant")).toList();
    }

    @Test
    void aSessionCarriesOnAfterKillDashNine() throws Exception {
        Setting s = new Setting(circle);
        String annInvite = s.member("Ann"), bobInvite = s.member("Bob"), cyInvite = s.member("Cy");
        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = new Ws(process.baseUrl());
        ann.send(Ws.hello(s.memberTicket(annInvite)));
        JsonObject annWelcome = ann.await("welcome");
        String annId = id(annWelcome);
        // Her browser tries this token as soon as the server answers again (live.js).
        String annResume = annWelcome.getString("resume");
        Ws bob = s.connect(s.memberTicket(bobInvite));
        Ws cy = s.connect(s.memberTicket(cyInvite));
        JsonArray waiting = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 3).getJsonArray("waiting");
        assertEquals("Ann", waiting.getJsonObject(0).getString("memberName"), "facilitators see the name they gave: " + waiting);
        assertEquals("ack", f.call("admit.all").getString("type"));
        ann.await("admitted");
        bob.await("admitted");
        String cyId = cy.await("roster").getJsonArray("participants").getJsonObject(3).getString("id");
        String bobId = bob.await("roster").getJsonArray("participants").getJsonObject(2).getString("id");
        assertFalse(ann.await("roster").toString().contains("memberName"), "participants never receive memberName");
        assertTrue(f.await(fr -> fr.getString("type").equals("roster") && fr.getJsonArray("participants").size() == 4)
                .getJsonArray("participants").getJsonObject(1).containsKey("memberName"));

        assertEquals("ack", f.call("remove", "participant", bobId).getString("type"));
        assertEquals(4001, bob.awaitClose());
        assertEquals("ack", f.call("lock", "locked", true).getString("type"));
        assertEquals("ack", f.call("mode.set", "mode", "moderated").getString("type"));
        assertEquals("ack", cy.call("hand.raise").getString("type"));
        assertEquals("ack", ann.call("hand.raise").getString("type"));
        Instant granted = Instant.now();
        assertEquals("ack", f.call("floor.grant", "participant", annId, "seconds", 600).getString("type"));
        assertEquals("ack", cy.call("hand.lower").getString("type"));
        assertEquals("ack", cy.call("hand.raise").getString("type"));
        JsonObject floorBefore = ann.await(fr -> fr.getString("type").equals("floor") && annId.equals(fr.getString("participant", null)));

        Instant crash = Instant.now();
        assertEquals(137, process.kill(), "killed by SIGKILL");
        process.start();

        // The facilitator comes back: the session is as it was.
        Ws f2 = new Ws(process.baseUrl());
        f2.send(Ws.hello(s.facilitatorTicket()));
        JsonObject welcome = f2.await("welcome");
        assertTrue(welcome.getJsonObject("session").getBoolean("locked"), "still locked: " + welcome);
        assertEquals("moderated", welcome.getJsonObject("session").getString("mode"));
        assertEquals("admitted", welcome.getJsonObject("you").getString("status"));
        assertEquals(List.of(cyId), ids(f2.await("hands").getJsonArray("queue")), "Cy's hand, raised again before the crash");
        JsonObject floor = f2.await("floor");
        assertEquals(annId, floor.getString("participant"));
        assertEquals(floorBefore.getString("endsAt"), floor.getString("endsAt"), "the floor's time runs on");
        assertEquals("moderated", f2.await("mode").getString("mode"));
        JsonObject state = f2.await("session.state");
        assertTrue(state.getBoolean("locked"));
        var session = circle.admin().get("/api/sessions/" + s.sessionId).json();
        assertTrue(session.getBoolean("locked"), "the schedule still says locked: " + session);

        // Bob cannot get back in, locked or not.
        Http.Answer refused = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", bobInvite));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("FORBIDDEN", refused.code());
        assertEquals("You were removed from this session.", refused.json().getString("message"));
        assertEquals("ack", f2.call("lock", "locked", false).getString("type"));
        refused = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", bobInvite));
        assertEquals(403, refused.status(), "unlocked, the removal still holds: " + refused);
        assertEquals("You were removed from this session.", refused.json().getString("message"));
        assertEquals("ack", f2.call("lock", "locked", true).getString("type"));
        Http.Answer newcomer = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", s.member("Dee")));
        assertEquals(409, newcomer.status(), "locked to newcomers: " + newcomer);
        assertEquals("LOCKED", newcomer.code());
        assertEquals(201, circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", annInvite)).status(),
                "but not to Ann, who is still in the session (a reloaded page would need a ticket)");

        // Ann's browser resumes with the token of her last welcome: admitted, on the floor, no waiting.
        Ws ann2 = new Ws(process.baseUrl());
        ann2.send(jakarta.json.Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", annResume).build());
        JsonObject back = ann2.await("welcome");
        assertEquals(annId, id(back));
        assertEquals("admitted", back.getJsonObject("you").getString("status"));
        assertEquals(annId, ann2.await("floor").getString("participant"));

        if (database != null) { // the heartbeat: while nothing happens, the server still notes that it runs the session
            boolean moved = false;
            for (int i = 0; i < 40 && !moved; i++) {
                Thread.sleep(1000);
                try (var db = database.connect(); var q = db.prepareStatement("SELECT saved_at < alive_at FROM live_room WHERE session_id = ?")) {
                    q.setString(1, s.sessionId);
                    try (ResultSet r = q.executeQuery()) {
                        moved = r.next() && r.getBoolean(1);
                    }
                }
            }
            assertTrue(moved, "alive_at moves on after the last saved command");
        }

        // Attendance is truthful: Bob removed, Ann there, and Cy, who never came back, gone since the crash.
        JsonObject cyRow = awaitRow(s, cyId, r -> "left".equals(r.getString("outcome")), Duration.ofSeconds(150));
        Instant cyLeft = Instant.parse(cyRow.getString("leftAt"));
        assertFalse(cyLeft.isAfter(crash), "Cy left no later than the crash: " + cyRow + " crash " + crash);
        assertFalse(cyLeft.isBefore(granted.minusSeconds(2)), "and no earlier than the server was last seen running: " + cyRow);
        JsonArray rows = attendance(s);
        assertEquals("removed", row(rows, bobId).getString("outcome"));
        JsonObject annRow = row(rows, annId);
        assertEquals("admitted", annRow.getString("outcome"));
        assertTrue(!annRow.containsKey("leftAt") || annRow.isNull("leftAt"), "Ann is still there: " + annRow);
        assertEquals(1, rows.stream().filter(r -> r.asJsonObject().getString("participant").equals(annId)).count(), "one stint: the restart did not split it");
        f2.close();
        ann2.close();
    }

    @Test
    void aWriteTheDatabaseRefusesIsAnErrorToItsSenderAndChangesNothing() throws Exception {
        Setting s = new Setting(circle);
        String annInvite = s.member("Ann");
        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = s.connect(s.memberTicket(annInvite));
        String annId = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0).getString("id");
        assertEquals("ack", f.call("admit.all").getString("type"));
        ann.await("admitted");
        ann.await("roster");
        ann.drain(300);

        try (var db = database.connect(); var sql = db.createStatement()) {
            sql.execute("CREATE TRIGGER refuse_live_room BEFORE UPDATE ON live_room FOR EACH ROW "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by DurabilityIT'");
        }
        try {
            JsonObject lock = f.call("lock", "locked", true);
            assertEquals("error", lock.getString("type"), lock.toString());
            assertEquals("NOT_RECORDED", lock.getString("code"));
            JsonObject hand = ann.call("hand.raise");
            assertEquals("NOT_RECORDED", hand.getString("code"), hand.toString());
            for (JsonObject frame : ann.drain(500)) {
                assertFalse(List.of("session.state", "hands", "roster").contains(frame.getString("type")), "nobody was told: " + frame);
            }
        } finally {
            try (var db = database.connect(); var sql = db.createStatement()) {
                sql.execute("DROP TRIGGER refuse_live_room");
            }
        }
        try (var db = database.connect(); var q = db.prepareStatement("SELECT locked FROM scheduled_session WHERE id = ?")) {
            q.setString(1, s.sessionId);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertFalse(r.getBoolean(1), "the schedule was not locked");
            }
        }
        Ws f2 = new Ws(process.baseUrl());
        f2.send(Ws.hello(s.facilitatorTicket()));
        assertFalse(f2.await("welcome").getJsonObject("session").getBoolean("locked"), "the session was not locked");
        assertEquals(List.of(), ids(f2.await("hands").getJsonArray("queue")), "Ann's hand is not up");
        int mark = process.log().length();
        var dee = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", s.member("Dee")));
        assertEquals(201, dee.status(), () -> "a newcomer may still come: the lock never happened: " + dee + "\n" + process.problemsSince(mark));

        JsonObject lock = f2.call("lock", "locked", true);
        assertEquals("ack", lock.getString("type"), "with the database writing again, the same command works: " + lock);

        // send.to.waiting: back to the waiting room with the facilitator's words, and out of the room.
        assertEquals("ack", f2.call("send.to.waiting", "participant", annId, "message", "One moment, please.").getString("type"));
        assertEquals("One moment, please.", ann.await(fr -> fr.getString("type").equals("waiting") && fr.containsKey("message")).getString("message"));
        assertEquals(annId, f2.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0).getString("id"));
        f.close();
        f2.close();
        ann.close();
    }

    private JsonArray attendance(Setting s) {
        return circle.admin().get("/api/sessions/" + s.sessionId + "/attendance").structure().asJsonArray();
    }

    private static JsonObject row(JsonArray rows, String participant) {
        return rows.stream().map(v -> v.asJsonObject()).filter(r -> r.getString("participant").equals(participant))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no row for " + participant + ": " + rows));
    }

    private JsonObject awaitRow(Setting s, String participant, java.util.function.Predicate<JsonObject> done, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        JsonArray rows = attendance(s);
        while (Instant.now().isBefore(deadline)) {
            rows = attendance(s);
            JsonObject r = row(rows, participant);
            if (done.test(r)) return r;
            Thread.sleep(1000);
        }
        throw new AssertionError("attendance did not settle within " + within + ": " + rows);
    }
}
