package org.circle.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Talk time over real sockets, on MariaDB: "speaking" frames add up to what the facilitators see
 * live and to the attendance the clinic keeps; a mute ends a stretch the member's browser never
 * closed; members never hear anyone's talk time; a waiting member cannot count any.
 */
@ExtendWith(CircleServer.class)
class TalkTimeIT {

    /** Someone's line in a talk.time frame; an empty one when the frame does not list them (yet). */
    private static JsonObject entry(JsonObject talk, String id) {
        return talk.getJsonArray("participants").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("participant").equals(id)).findFirst()
                .orElse(jakarta.json.Json.createObjectBuilder().add("speaking", false).add("speakingSeconds", -1).build());
    }

    private static boolean talk(JsonObject frame) { return frame.getString("type").equals("talk.time"); }

    @Test
    void speakingAddsUpForFacilitatorsAndInAttendance(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String annie = s.member("Annie");
        String bo = s.member("Bo");
        Ws f = s.connect(s.facilitatorTicket());
        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(annie)));
        String aId = a.await("welcome").getJsonObject("you").getString("id");
        Ws b = new Ws(circle.process().baseUrl());
        b.send(Ws.hello(s.memberTicket(bo)));
        String bId = b.await("welcome").getJsonObject("you").getString("id");

        JsonObject waitingTry = b.call("speaking", "active", true);
        assertEquals("NOT_ADMITTED", waitingTry.getString("code"), "a waiting member counts no talk time: " + waitingTry);
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 2);
        assertEquals("ack", f.call("admit", "participant", aId).getString("type"));
        a.await("admitted");
        assertEquals("ack", a.call("self.media", "audio", true).getString("type"));

        assertEquals("ack", a.call("speaking", "active", true).getString("type"));
        JsonObject live = f.await(fr -> talk(fr) && entry(fr, aId).getBoolean("speaking"));
        assertEquals(0, entry(live, aId).getInt("speakingSeconds"));
        Thread.sleep(2_200);
        assertEquals("ack", a.call("speaking", "active", false).getString("type"));
        live = f.await(fr -> talk(fr) && entry(fr, aId).getInt("speakingSeconds") >= 1 && !entry(fr, aId).getBoolean("speaking"));
        int first = entry(live, aId).getInt("speakingSeconds");
        assertTrue(first >= 2 && first <= 4, "about 2.2 s of speaking: " + live);

        // A stretch the browser never ends: the facilitator's mute ends it.
        assertEquals("ack", a.call("speaking", "active", true).getString("type"));
        Thread.sleep(1_200);
        assertEquals("ack", f.call("mute", "participant", aId).getString("type"));
        Thread.sleep(2_000);
        live = f.await(fr -> talk(fr) && !entry(fr, aId).getBoolean("speaking")
                && entry(fr, aId).getInt("speakingSeconds") > first);
        int total = entry(live, aId).getInt("speakingSeconds");
        assertTrue(total >= first + 1 && total <= first + 2, "the mute ended the second stretch after about 1.2 s: " + live);
        assertEquals("ack", a.call("speaking", "active", false).getString("type"));

        for (JsonObject frame : a.drain(300)) assertTrue(!frame.getString("type").equals("talk.time"), "a member heard talk time: " + frame);
        for (JsonObject frame : b.drain(0)) assertTrue(!frame.getString("type").equals("talk.time"), "a waiting member heard talk time: " + frame);

        assertEquals("ack", a.call("leave").getString("type"));
        String path = "/api/sessions/" + s.sessionId + "/attendance";
        JsonObject row = awaitLeft(circle, path, "Annie");
        assertEquals(total, row.getInt("speakingSeconds"), "the attendance keeps what the facilitators saw: " + row);
        assertTrue(circle.admin().get(path, "text/csv").body().contains(",\"" + total + "\"\r\n"), "and so does the CSV");
        f.close();
        b.close();
    }

    private static JsonObject awaitLeft(Circle circle, String path, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonArray rows;
        do {
            rows = circle.admin().get(path).structure().asJsonArray();
            for (var v : rows) {
                JsonObject r = v.asJsonObject();
                if (name.equals(r.getString("displayName")) && "left".equals(r.getString("outcome"))) return r;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no row for " + name + " who left: " + rows);
    }
}
