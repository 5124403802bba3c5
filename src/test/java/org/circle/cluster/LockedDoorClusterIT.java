package org.circle.cluster;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Clustered;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.TestDatabase;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * The locked door across a cluster: the session is live on instance A only (its facilitator is
 * there), and a member's page asks for its ticket on B, as a load balancer may send it. B's
 * ticket desk must reach the session on A: the knock reaches the facilitator, and once they let
 * the member in, B gives the ticket and takes the hello. (Before, B answered from its own rooms,
 * where the session was not: the knock was lost and the member stayed locked out.)
 */
class LockedDoorClusterIT {

    @Test
    void aKnockOnAnotherInstanceReachesTheFacilitatorAndTheLetInHoldsThere() throws Exception {
        int gridA = CircleProcess.freePort(), gridB = CircleProcess.freePort();
        String members = Clustered.members(gridA, gridB);
        try (TestDatabase db = new TestDatabase();
             CircleProcess a = Clustered.instance("door-a", db, members, gridA);
             CircleProcess b = Clustered.instance("door-b", db, members, gridB)) {
            a.start(); // first, alone: it makes the schema; B joins its grid
            b.start();
            assertEquals(2, Clustered.awaitMembers(a, 2), "one data grid of two");
            Circle onA = new Circle(a, db, new Http(a.baseUrl()), CircleServer.setUp(new Http(a.baseUrl())));
            Setting s = new Setting(onA);
            Ws f = s.connect(s.facilitatorTicket());
            assertEquals("ack", f.call("lock", "locked", true).getString("type"));
            String dee = s.member("Dee");
            Http deskB = new Http(b.baseUrl());

            Http.Answer refused = deskB.post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", dee));
            assertEquals(409, refused.status(), refused.toString());
            assertEquals("LOCKED", refused.code());
            JsonObject knock = f.await(fr -> fr.getString("type").equals("lock.knock"));
            assertEquals("Dee", knock.getString("memberName"), "the knock on B reached the facilitator on A");

            assertEquals("ack", f.call("lock.letIn", "member", knock.getString("member")).getString("type"));
            Http.Answer ticket = deskB.post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", dee));
            assertEquals(201, ticket.status(), "B lets in whom A's facilitator let in: " + ticket);
            Ws in = new Ws(b.baseUrl());
            in.send(Ws.hello(ticket.json().getString("ticket")));
            assertEquals("waiting", in.await("welcome").getJsonObject("you").getString("status"), "into the waiting room, through B");
            f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        }
    }
}
