package org.circle.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.time.Duration;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attendance as the clinic reads it afterwards: one row per stint, and a CSV that cannot run as a formula. */
@ExtendWith(CircleServer.class)
class AttendanceIT {

    @Test
    void aMemberWhoLeavesAndComesBackHasTwoRowsAndTheCsvIsDefused(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String token = s.member("=HYPERLINK(\"http://x\")");
        Ws f = s.connect(s.facilitatorTicket());
        for (int stint = 1; stint <= 2; stint++) {
            Ws m = new Ws(circle.process().baseUrl());
            m.send(Ws.hello(s.memberTicket(token)));
            String id = m.await("welcome").getJsonObject("you").getString("id");
            f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
            assertEquals("ack", f.call("admit", "participant", id).getString("type"));
            m.await("admitted");
            assertEquals("ack", m.call("leave").getString("type"));
            m.awaitClose();
        }
        String path = "/api/sessions/" + s.sessionId + "/attendance";
        JsonArray rows = awaitRows(circle, path);
        var member = rows.stream().map(v -> v.asJsonObject()).filter(r -> r.containsKey("memberId")).toList();
        assertEquals(2, member.size(), "two stints, two rows: " + rows);
        assertEquals(1, member.get(0).getInt("stint"));
        assertEquals(2, member.get(1).getInt("stint"));
        for (var r : member) {
            assertEquals("left", r.getString("outcome"));
            assertTrue(r.containsKey("admittedAt") && r.containsKey("leftAt"), r.toString());
        }
        assertTrue(member.get(0).getString("leftAt").compareTo(member.get(1).getString("waitingSince")) <= 0, "the first stint was kept as it was");

        var csv = circle.admin().get(path, "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("\"participant\",\"stint\",\"memberId\",\"displayName\",\"role\",\"outcome\",\"waitingSince\",\"admittedAt\",\"leftAt\",\"floorSeconds\",\"turns\",\"speakingSeconds\"", lines[0]);
        assertEquals(4, lines.length, "facilitator and two stints: " + csv.body());
        assertTrue(csv.body().contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "quoted and defused: " + csv.body());
        assertEquals(401, circle.http().get(path, "text/csv").status());
        f.close();
    }

    private static JsonArray awaitRows(Circle circle, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonArray rows;
        do {
            rows = circle.admin().get(path).structure().asJsonArray();
            if (rows.stream().filter(v -> v.asJsonObject().containsKey("memberId") && "left".equals(v.asJsonObject().getString("outcome"))).count() == 2) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return rows;
    }
}
