package org.circle.signaling;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.circle.testing.CircleProcess;
import org.circle.testing.Colleague;
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
 * v1.1 presence and follow-up over real sockets, on MariaDB: the room empties into the waiting
 * room when no facilitator comes back within the group's grace, and a member at the locked door
 * is let in alone. A server of its own, because it leaves facilitators away for long stretches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresenceIT {

    private TestDatabase database;
    private CircleProcess process;
    private Circle circle;

    @BeforeAll
    void start() {
        database = new TestDatabase();
        Map<String, String> env = new HashMap<>(database.env());
        env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
        process = new CircleProcess("presence-mariadb", env).start();
        Http http = new Http(process.baseUrl());
        circle = new Circle(process, database, http, CircleServer.setUp(http));
    }

    @AfterAll
    void stop() {
        if (process != null) process.close();
        if (database != null) database.close();
    }

    private static Predicate<JsonObject> type(String type) { return f -> type.equals(f.getString("type")); }

    private static Predicate<JsonObject> sentBack() { return f -> "waiting".equals(f.getString("type")) && f.containsKey("reason"); }

    /** Waits up to {@code seconds} for a frame, for things that happen after a timer longer than Ws's 10 s. */
    private static JsonObject awaitLong(Ws ws, Predicate<JsonObject> match, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            try {
                return ws.await(match);
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) throw e;
            }
        }
    }

    private Ws admitted(Setting s, Ws f, String invitation) {
        Ws m = new Ws(process.baseUrl());
        m.send(Ws.hello(s.memberTicket(invitation)));
        String me = m.await("welcome").getJsonObject("you").getString("id");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains(me));
        assertEquals("ack", f.call("admit", "participant", me).getString("type"));
        m.await("admitted");
        return m;
    }

    private static String me(Ws ws, String name) {
        return ws.await(fr -> fr.getString("type").equals("roster") && fr.toString().contains(name)).getJsonArray("participants")
                .stream().map(v -> v.asJsonObject()).filter(p -> p.getString("displayName").equals(name)).findFirst().orElseThrow().getString("id");
    }

    @Test
    void withNoFacilitatorForTheGraceEveryoneWaitsAgainAndIsAdmittedAgainAsUsual() {
        Setting s = new Setting(circle);
        var patched = circle.admin().send("PATCH", "/api/groups/" + s.groupId, json("facilitatorGraceSeconds", 10).toString(), "application/json");
        assertEquals(200, patched.status(), patched.toString());
        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = admitted(s, f, s.member("Ann"));
        assertTrue(ann.await("session.state").getBoolean("facilitatorPresent"), "a facilitator is there");

        f.drop();
        JsonObject away = ann.await(fr -> fr.getString("type").equals("session.state") && !fr.getBoolean("facilitatorPresent"));
        assertEquals("live", away.getString("state"));
        assertTrue(ann.drain(6000).stream().noneMatch(sentBack()), "still in the room during the grace");
        JsonObject waiting = awaitLong(ann, sentBack(), 20);
        assertEquals("facilitator.away", waiting.getString("reason"));
        assertTrue(waiting.getString("message").contains("connection dropped"), waiting.toString());

        Ws back = s.connect(s.facilitatorTicket());
        String annId = back.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0).getString("id");
        assertEquals("ack", back.call("admit", "participant", annId).getString("type"));
        ann.await("admitted");
        assertTrue(ann.await("session.state").getBoolean("facilitatorPresent"));
    }

    @Test
    void aFacilitatorBackWithinTheGraceKeepsTheRoomAsItIs() {
        Setting s = new Setting(circle);
        circle.admin().send("PATCH", "/api/groups/" + s.groupId, json("facilitatorGraceSeconds", 10).toString(), "application/json");
        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = admitted(s, f, s.member("Ann"));
        f.drop();
        ann.await(fr -> fr.getString("type").equals("session.state") && !fr.getBoolean("facilitatorPresent"));
        s.connect(s.facilitatorTicket());
        ann.await(fr -> fr.getString("type").equals("session.state") && fr.getBoolean("facilitatorPresent"));
        assertTrue(ann.drain(12_000).stream().noneMatch(sentBack()), "nobody was sent back");
    }

    @Test
    void aMemberAtTheLockedDoorKnocksAndIsLetInAloneWithoutUnlocking() {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        Colleague colleague = Colleague.add(circle, "co");
        assertEquals(204, circle.admin().post("/api/groups/" + s.groupId + "/facilitators", json("email", colleague.email)).status());
        Ws co = s.connect(colleague.http.post("/api/sessions/" + s.sessionId + "/tickets", null).json().getString("ticket"));
        assertEquals("ack", f.call("lock", "locked", true).getString("type"));
        String dee = s.member("Dee"), eve = s.member("Eve");

        Http.Answer refused = circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", dee));
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("LOCKED", refused.code());
        JsonObject knock = f.await(type("lock.knock"));
        assertEquals("Dee", knock.getString("memberName"));
        String member = knock.getString("member");
        assertFalse(knock.getString("id").isEmpty());
        assertFalse(knock.getString("at").isEmpty());
        circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", dee));
        assertTrue(f.drain(1000).stream().noneMatch(type("lock.knock")), "asking again does not knock again");

        assertEquals("UNKNOWN_PARTICIPANT", f.call("lock.letIn", "member", "nobody").getString("code"));
        assertEquals("ack", f.call("lock.letIn", "member", member).getString("type"));
        assertEquals("let.in", co.await(type("lock.knock.closed")).getString("outcome"), "the co-facilitator sees it dealt with");
        Ws in = new Ws(process.baseUrl());
        in.send(Ws.hello(s.memberTicket(dee)));
        assertEquals("waiting", in.await("welcome").getJsonObject("you").getString("status"), "into the waiting room");
        assertEquals(409, circle.http().post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", eve)).status(),
                "still locked for everyone else");
        assertFalse(co.await(fr -> fr.getString("type").equals("lock.knock") && fr.getString("memberName").equals("Eve")).isEmpty(),
                "Eve knocks in her turn");
    }
}
