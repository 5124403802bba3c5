package org.circle.cluster;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * One session across three instances of a cluster, as a clinic behind a load balancer would
 * have it: the facilitator and Ann on instance A, Bo, Dee and Eve on B, Cy on C, one MariaDB.
 * Every control and signal reaches across; then B, which owns the session's entry in the grid,
 * is killed with -9 mid-session, with Bo holding the floor, Cy's hand up and a round under way:
 * Bo comes back on C and Eve on A with their resume tokens, keeping their status, the floor,
 * the hand and the round; Dee, removed before the kill, stays removed. The time from the kill
 * until both are back is printed and kept in the test output.
 */
class SharedSessionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void oneSessionAcrossThreeInstancesSurvivesTheDeathOfTheOneThatOwnsIt() throws Exception {
        int gridA = CircleProcess.freePort(), gridB = CircleProcess.freePort(), gridC = CircleProcess.freePort();
        String members = Clustered.members(gridA, gridB, gridC);
        try (TestDatabase db = new TestDatabase();
             CircleProcess a = Clustered.instance("shared-a", db, members, gridA);
             CircleProcess b = Clustered.instance("shared-b", db, members, gridB);
             CircleProcess c = Clustered.instance("shared-c", db, members, gridC)) {
            a.start(); // first, alone: it makes the schema; B and C join its grid
            var startingC = CompletableFuture.supplyAsync(c::start);
            b.start();
            startingC.join();
            assertEquals(3, Clustered.awaitMembers(a, 3), "one data grid of three");
            Circle onA = new Circle(a, db, new Http(a.baseUrl()), CircleServer.setUp(new Http(a.baseUrl())));

            // A session whose entry B owns, so that B's death takes the entry's owner with it and
            // only the backup on another member is left: sessions are made until one lands there.
            Setting s = null;
            Ws f = null;
            for (int tries = 0; tries < 12 && f == null; tries++) {
                Setting candidate = new Setting(onA);
                long[] before = owned(a, b, c);
                Ws facilitator = connect(a, candidate.facilitatorTicket());
                long[] after = awaitOneMore(before, a, b, c);
                if (after[1] > before[1]) {
                    s = candidate;
                    f = facilitator;
                } else {
                    assertEquals("ack", facilitator.call("session.end").getString("type"));
                }
            }
            assertNotNull(f, "none of 12 sessions landed on B (1 in 3 should)");
            String ann = s.member("Ann"), bo = s.member("Bo"), cy = s.member("Cy"), dee = s.member("Dee"), eve = s.member("Eve");

            Ws annWs = new Ws(a.baseUrl());
            JsonObject annWelcome = hello(annWs, s.memberTicket(ann));
            Ws boWs = new Ws(b.baseUrl());
            JsonObject boWelcome = hello(boWs, s.memberTicket(bo));
            Ws deeWs = new Ws(b.baseUrl());
            JsonObject deeWelcome = hello(deeWs, s.memberTicket(dee));
            Ws eveWs = new Ws(b.baseUrl());
            JsonObject eveWelcome = hello(eveWs, s.memberTicket(eve));
            Ws cyWs = new Ws(c.baseUrl());
            JsonObject cyWelcome = hello(cyWs, s.memberTicket(cy));
            String annId = id(annWelcome), boId = id(boWelcome), cyId = id(cyWelcome), deeId = id(deeWelcome), eveId = id(eveWelcome);

            // B's and C's arrivals reach A's facilitator; A's admissions reach them.
            f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 5);
            assertEquals("ack", f.call("admit", "participant", boId).getString("type"));
            boWs.await("admitted");
            assertEquals("ack", f.call("admit.all").getString("type"));
            for (Ws w : List.of(annWs, cyWs, deeWs, eveWs)) w.await("admitted");
            cyWs.await(fr -> fr.getString("type").equals("roster") && fr.getJsonArray("participants").size() == 6);

            // Hands, floor and a round across the three instances.
            assertEquals("ack", cyWs.call("hand.raise").getString("type"));
            annWs.await(fr -> fr.getString("type").equals("hands") && fr.getJsonArray("queue").size() == 1);
            assertEquals("ack", f.call("floor.grant", "participant", boId, "seconds", 600).getString("type"));
            cyWs.await(fr -> fr.getString("type").equals("floor") && boId.equals(fr.getString("participant", null)));
            assertEquals("ack", f.call("round.start").getString("type"));
            JsonObject round = boWs.await(fr -> fr.getString("type").equals("round") && fr.getBoolean("active"));
            List<String> order = round.getJsonArray("order").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            assertEquals(5, order.size(), "every admitted member is in the round: " + order);
            // Whoever is before Bo passes, on whichever instance they are, until it is Bo's turn.
            Map<String, Ws> byId = Map.of(annId, annWs, boId, boWs, cyId, cyWs, deeId, deeWs, eveId, eveWs);
            for (String turn : order.subList(0, order.indexOf(boId))) {
                assertEquals("ack", byId.get(turn).call("round.pass").getString("type"), "the pass of " + turn);
            }
            cyWs.await(fr -> fr.getString("type").equals("round") && boId.equals(fr.getString("current", null)));

            // Signals go straight to the other instance's socket, every way.
            annWs.call("signal", "to", cyId, "payload", json("description", json("type", "offer", "sdp", "v=0")));
            assertEquals(annId, cyWs.await("signal").getString("from"));
            cyWs.call("signal", "to", annId, "payload", json("description", json("type", "answer", "sdp", "v=0")));
            assertEquals(cyId, annWs.await("signal").getString("from"));
            cyWs.call("signal", "to", boId, "payload", json("description", json("type", "offer", "sdp", "v=0")));
            assertEquals(cyId, boWs.await("signal").getString("from"));

            // A mute from A is heard on C; a removal from A closes B's socket and holds.
            assertEquals("ack", f.call("mute", "participant", cyId).getString("type"));
            assertEquals(cyId, cyWs.await("muted").getString("participant"));
            assertEquals("ack", f.call("remove", "participant", deeId, "reason", "Taking a break").getString("type"));
            assertEquals("Taking a break", deeWs.await("removed").getString("reason"));
            assertEquals(4001, deeWs.awaitClose());

            // B, which owns the session's entry, dies mid-session.
            long entries = java.util.Arrays.stream(owned(a, b, c)).sum();
            Instant killed = Instant.now();
            assertEquals(137, b.kill());
            // Both pages try again at once, as real pages would: Bo lands on C, Eve on A.
            var boReturning = CompletableFuture.supplyAsync(() -> resumeOn(c, boWelcome.getString("resume")));
            Back eveBack = resumeOn(a, eveWelcome.getString("resume"));
            Back boBack = boReturning.join();
            Duration back = Duration.between(killed, Instant.now());
            System.out.printf("SharedSessionIT: every member back in the session %d ms after the kill -9 of the instance owning it%n", back.toMillis());

            assertEquals(entries, awaitOwnedSum(entries, a, c), "every session's entry outlived its owner: the backups took over");
            assertEquals(boId, id(boBack.welcome));
            assertEquals("admitted", boBack.welcome.getJsonObject("you").getString("status"), "Bo is still admitted");
            assertEquals("admitted", eveBack.welcome.getJsonObject("you").getString("status"), "Eve is still admitted");
            assertEquals(boId, boBack.ws.await("floor").getString("participant"), "Bo still holds the floor");
            JsonObject hands = eveBack.ws.await("hands");
            assertEquals(cyId, hands.getJsonArray("queue").getJsonObject(0).getString("participant"), "Cy's hand is still up");
            JsonObject roundAfter = eveBack.ws.await("round");
            assertTrue(roundAfter.getBoolean("active"), "the round goes on");
            assertEquals(boId, roundAfter.getString("current"), "and it is still Bo's turn");

            // The session goes on without B: Bo passes on C, and A and C hear the turn move on.
            assertEquals("ack", boBack.ws.call("round.pass").getString("type"));
            for (Ws w : List.of(annWs, cyWs)) {
                JsonObject moved = w.await(fr -> fr.getString("type").equals("round") && fr.getJsonArray("passed").getValuesAs(JsonString.class)
                        .stream().anyMatch(p -> p.getString().equals(boId)));
                assertTrue(moved.getBoolean("active"), moved.toString());
                assertNotEquals(boId, moved.getString("current"), moved.toString());
            }

            // Dee stays removed: her token and her link are refused on the instances left.
            Ws deeAgain = new Ws(c.baseUrl());
            deeAgain.send(resumeHello(deeWelcome.getString("resume")));
            assertEquals("TICKET_INVALID", deeAgain.await("error").getString("code"));
            var ticket = new Http(a.baseUrl()).post("/api/sessions/" + s.sessionId + "/tickets", json("invitation", dee));
            assertEquals(403, ticket.status(), ticket.toString());

            // Nothing acknowledged was lost: the attendance has all six, Dee removed.
            assertEquals("ack", f.call("session.end").getString("type"));
            var attendance = onA.admin().get("/api/sessions/" + s.sessionId + "/attendance").structure().asJsonArray();
            assertEquals(6, attendance.size(), attendance.toString());
            assertTrue(attendance.stream().map(v -> v.asJsonObject())
                    .anyMatch(r -> r.getString("participant").equals(deeId) && r.getString("outcome").equals("removed")), attendance.toString());
            for (CircleProcess survivor : List.of(a, c)) {
                assertEquals(List.of(), survivor.severeRecords(), "no severe error: " + survivor.problemsSince(0));
            }
        }
    }

    /** How many live sessions' entries each instance owns. */
    private static long[] owned(CircleProcess... instances) {
        long[] counts = new long[instances.length];
        for (int i = 0; i < instances.length; i++) counts[i] = Clustered.sessionsOwned(instances[i]);
        return counts;
    }

    /** Polls until the instances own {@code wanted} entries between them; returns what they last owned. */
    private static long awaitOwnedSum(long wanted, CircleProcess... instances) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        long sum = java.util.Arrays.stream(owned(instances)).sum();
        while (sum != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            sum = java.util.Arrays.stream(owned(instances)).sum();
        }
        return sum;
    }

    /** Polls until one more entry is owned somewhere than {@code before} (the write follows the welcome by a moment). */
    private static long[] awaitOneMore(long[] before, CircleProcess... instances) throws InterruptedException {
        long wanted = java.util.Arrays.stream(before).sum() + 1;
        Instant deadline = Instant.now().plus(PATIENCE);
        long[] now = owned(instances);
        while (java.util.Arrays.stream(now).sum() < wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            now = owned(instances);
        }
        assertEquals(wanted, java.util.Arrays.stream(now).sum(), "the session's entry is owned by one instance");
        return now;
    }

    private record Back(Ws ws, JsonObject welcome) { }

    /** What a member's page does when its socket dies: it tries its resume token again until it is let back in. */
    private static Back resumeOn(CircleProcess server, String token) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Ws ws = new Ws(server.baseUrl());
            try {
                ws.send(resumeHello(token));
                JsonObject first = ws.await(fr -> fr.getString("type").equals("welcome") || fr.getString("type").equals("error"));
                if (first.getString("type").equals("welcome")) return new Back(ws, first);
            } catch (AssertionError noAnswerYet) {
                // the instance is still taking over the dead one's part of the grid: the page tries again
            }
            ws.close();
            pause();
        }
        throw new AssertionError("not back within " + PATIENCE);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonObject resumeHello(String token) {
        return Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", token).build();
    }

    private static Ws connect(CircleProcess server, String ticket) {
        Ws ws = new Ws(server.baseUrl());
        hello(ws, ticket);
        return ws;
    }

    private static JsonObject hello(Ws ws, String ticket) {
        ws.send(Ws.hello(ticket));
        JsonObject welcome = ws.await("welcome");
        assertNotNull(welcome.getString("resume"));
        return welcome;
    }

    private static String id(JsonObject welcome) { return welcome.getJsonObject("you").getString("id"); }
}
