package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database closes every connection Circle holds (a restart, a fail-over, an idle limit on the
 * server's side). The pool must notice before it hands one out: the next command of a live
 * session is recorded and acknowledged, not refused. Checked in the database, not in the answer.
 */
@ExtendWith(CircleServer.class)
class LostConnectionsIT {

    @Test
    void aCommandAfterTheDatabaseDroppedEveryConnectionIsStillRecorded(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = s.connect(s.memberTicket(s.member("Ann")));
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        assertEquals("ack", f.call("lock", "locked", true).getString("type"));

        try (Connection db = circle.database().connect()) {
            int killed = killCirclesConnections(db, circle.database().name());
            assertTrue(killed > 0, "Circle held no connection to kill");

            JsonObject admit = f.call("admit.all");
            assertEquals("ack", admit.getString("type"), admit.toString());
            ann.await("admitted");
            JsonObject unlock = f.call("lock", "locked", false);
            assertEquals("ack", unlock.getString("type"), unlock.toString());

            try (ResultSet r = db.createStatement().executeQuery("SELECT locked FROM scheduled_session WHERE id = '" + s.sessionId + "'")) {
                assertTrue(r.next());
                assertEquals(false, r.getBoolean(1), "the unlock reached the database");
            }
            try (ResultSet r = db.createStatement().executeQuery(
                    "SELECT outcome FROM attendance_stint WHERE session_id = '" + s.sessionId + "' AND display_name = 'Ann'")) {
                assertTrue(r.next());
                assertEquals("admitted", r.getString(1), "the admission reached the database");
            }
        }
    }

    /** Every connection to the test's database but the caller's own, closed by the server. */
    private static int killCirclesConnections(Connection db, String database) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery(
                "SELECT id FROM information_schema.processlist WHERE db = '" + database + "' AND id <> CONNECTION_ID()")) {
            while (r.next()) ids.add(r.getLong(1));
        }
        for (long id : ids) db.createStatement().execute("KILL CONNECTION " + id);
        return ids.size();
    }
}
