package org.circle.cluster;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Clustered;
import org.circle.testing.Http;
import org.circle.testing.Nginx;
import org.circle.testing.Scrape;
import org.circle.testing.Setting;
import org.circle.testing.TestDatabase;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * A clinic's deployment in small: two instances of one cluster behind ops/nginx/circle.conf, and
 * everyone (REST, the facilitator, six members) going through nginx, which spreads their sockets
 * over both instances. The controls work across them; then one instance is killed with -9 and
 * each page that lost its socket does what live.js does (a second's wait, then its resume token,
 * through nginx again, which must pass over the dead instance): every one is back with its status,
 * the hand, the floor and the mute hold, and the session goes on. The time from the kill until
 * the last page is back is printed, the page's own one-second wait included.
 */
class ClusterProxyIT {

    private static final String FACILITATORS = "circle_people_connected{role=\"facilitator\"}";
    private static final String PARTICIPANTS = "circle_people_connected{role=\"participant\"}";
    /** live.js gives up on resuming 55 s after the drop; the page-like clients do the same. */
    private static final Duration RESUME_WINDOW = Duration.ofSeconds(55);

    @Test
    void peopleBehindNginxLandOnBothInstancesAndComeBackThroughItWhenOneIsKilled() throws Exception {
        int gridA = CircleProcess.freePort(), gridB = CircleProcess.freePort(), tlsPort = CircleProcess.freePort();
        String members = Clustered.members(gridA, gridB);
        String publicUrl = "https://localhost:" + tlsPort;
        ExecutorService pages = Executors.newCachedThreadPool();
        try (TestDatabase db = new TestDatabase();
             CircleProcess a = instance("proxy-a", db, members, gridA, publicUrl);
             CircleProcess b = instance("proxy-b", db, members, gridB, publicUrl)) {
            a.start(); // first, alone: it makes the schema; B joins its grid
            b.start();
            assertEquals(2, Clustered.awaitMembers(a, 2), "one data grid of two");
            try (Nginx proxy = new Nginx(Path.of("ops/nginx/circle.conf"), List.of(a.port(), b.port()), tlsPort)) {
                HttpClient client = HttpClient.newBuilder().sslContext(proxy.trust()).version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                Http https = new Http(client, proxy.httpsUrl());
                Setting s = new Setting(new Circle(a, db, https, CircleServer.setUp(https)));

                PageLike f = new PageLike("facilitator", client, proxy.httpsUrl(), pages, s.facilitatorTicket(), "admitted");
                Map<String, PageLike> people = new LinkedHashMap<>();
                for (String name : List.of("Ann", "Bo", "Cy", "Dee", "Eve", "Fay")) {
                    people.put(name, new PageLike(name, client, proxy.httpsUrl(), pages, s.memberTicket(s.member(name)), "waiting"));
                }
                PageLike ann = people.get("Ann"), bo = people.get("Bo"), cy = people.get("Cy"), dee = people.get("Dee"), fay = people.get("Fay");

                // Controls across the two instances, whichever each person landed on: admissions
                // (Fay stays waiting), a hand, a mute, the floor, and signals between everyone.
                f.ws.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 6);
                for (PageLike m : people.values()) {
                    if (m == fay) continue;
                    assertEquals("ack", f.ws.call("admit", "participant", m.id).getString("type"), m.name);
                    m.ws.await("admitted");
                    m.expected = "admitted";
                }
                assertEquals("ack", cy.ws.call("hand.raise").getString("type"));
                ann.ws.await(fr -> fr.getString("type").equals("hands") && fr.getJsonArray("queue").size() == 1);
                assertEquals("ack", f.ws.call("mute", "participant", dee.id).getString("type"));
                assertEquals(dee.id, dee.ws.await("muted").getString("participant"));
                assertEquals("ack", f.ws.call("floor.grant", "participant", bo.id, "seconds", 600).getString("type"));
                cy.ws.await(fr -> fr.getString("type").equals("floor") && bo.id.equals(fr.getString("participant", null)));
                for (PageLike m : people.values()) {
                    if (m == ann || m == fay) continue;
                    ann.ws.call("signal", "to", m.id, "payload", json("description", json("type", "offer", "sdp", "v=0")));
                    assertEquals(ann.id, m.ws.await("signal").getString("from"), "Ann's signal reaches " + m.name);
                }

                // nginx spread the sockets: both instances hold members'.
                Scrape onA = Scrape.of(new Http(a.baseUrl())), onB = Scrape.of(new Http(b.baseUrl()));
                System.out.printf("ClusterProxyIT: through nginx, A holds %.0f facilitator and %.0f member sockets, B %.0f and %.0f%n",
                        onA.value(FACILITATORS), onA.value(PARTICIPANTS), onB.value(FACILITATORS), onB.value(PARTICIPANTS));
                assertTrue(onA.value(PARTICIPANTS) > 0 && onB.value(PARTICIPANTS) > 0, "members on both instances");
                assertEquals(7, held(onA) + held(onB), "every page holds one socket on one instance");

                // Kill the instance that owns the session's entry in the grid (the harder case: only
                // the backup is left), unless it holds no member; every page watches its socket.
                boolean killA = Clustered.sessionsOwned(a) > 0 ? onA.value(PARTICIPANTS) > 0 : onB.value(PARTICIPANTS) == 0;
                CircleProcess victim = killA ? a : b, survivor = killA ? b : a;
                int dropping = held(killA ? onA : onB);
                boolean victimOwned = Clustered.sessionsOwned(victim) > 0;
                List<PageLike> everyone = new ArrayList<>(people.values());
                everyone.add(0, f);
                Map<PageLike, CompletableFuture<Instant>> returning = new LinkedHashMap<>();
                for (PageLike p : everyone) returning.put(p, p.ws.whenClosed().thenApplyAsync(code -> p.comeBack(), pages));
                Instant killed = Instant.now();
                assertEquals(137, victim.kill());

                Instant deadline = killed.plus(RESUME_WINDOW.plusSeconds(15));
                while (done(returning) < dropping && Instant.now().isBefore(deadline)) Thread.sleep(20);
                List<PageLike> dropped = everyone.stream().filter(p -> returning.get(p).isDone()).toList();
                assertEquals(dropping, dropped.size(), "the pages whose sockets were on the killed instance dropped");
                Instant lastBack = dropped.stream().map(p -> returning.get(p).join()).max(Instant::compareTo).orElseThrow();
                System.out.printf("ClusterProxyIT: killed %s (%s the session's entry); %d pages back through nginx, the last %d ms after the kill -9%n",
                        victim == a ? "A" : "B", victimOwned ? "it owned" : "not owning", dropping,
                        Duration.between(killed, lastBack).toMillis());

                for (PageLike p : dropped) System.out.printf("ClusterProxyIT: %s's tries after the drop: %s%n", p.name, p.tries);
                String deadPort = ":" + victim.port();
                System.out.printf("ClusterProxyIT: nginx passed over the dead instance %d times:%n%s%n",
                        proxy.errorLog().lines().filter(l -> l.contains("connect() failed") && l.contains(deadPort)).count(),
                        String.join("\n", proxy.errorLog().lines().filter(l -> l.contains(deadPort)).limit(3).toList()));

                // Back with their status, and the room as it was.
                for (PageLike p : dropped) {
                    assertEquals(p.id, p.welcome.getJsonObject("you").getString("id"), p.name);
                    assertEquals(p.expected, p.welcome.getJsonObject("you").getString("status"), p.name + " keeps their status");
                }
                PageLike looking = dropped.stream().filter(p -> p.expected.equals("admitted")).findFirst()
                        .orElseThrow(() -> new AssertionError("no admitted page was on the killed instance"));
                assertEquals(cy.id, looking.ws.await("hands").getJsonArray("queue").getJsonObject(0).getString("participant"), "Cy's hand is still up");
                assertEquals(bo.id, looking.ws.await("floor").getString("participant"), "Bo still holds the floor");
                JsonObject roster = looking.ws.await("roster");
                assertFalse(roster.getJsonArray("participants").stream().map(v -> v.asJsonObject())
                        .filter(p -> p.getString("id").equals(dee.id)).findFirst().orElseThrow().getBoolean("audio"), "Dee is still muted: " + roster);

                // The session goes on through nginx: Fay is admitted, Cy lowers her hand, and a
                // newcomer's first connection is passed over the dead instance.
                assertEquals("ack", f.ws.call("admit", "participant", fay.id).getString("type"));
                fay.ws.await("admitted");
                assertEquals("ack", cy.ws.call("hand.lower").getString("type"));
                ann.ws.await(fr -> fr.getString("type").equals("hands") && fr.getJsonArray("queue").isEmpty());
                PageLike gus = new PageLike("Gus", client, proxy.httpsUrl(), pages, s.memberTicket(s.member("Gus")), "waiting");
                assertEquals("waiting", gus.welcome.getJsonObject("you").getString("status"));
                f.ws.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").stream()
                        .anyMatch(w -> w.asJsonObject().getString("id").equals(gus.id)));
                assertEquals(8, held(Scrape.of(new Http(survivor.baseUrl()))), "every page is on the instance left");
                assertEquals(dropping, done(returning), "no page on the instance left lost its socket");

                assertEquals("ack", f.ws.call("session.end").getString("type"));
                assertEquals(List.of(), survivor.severeRecords(), "no severe error: " + survivor.problemsSince(0));
            }
        } finally {
            pages.shutdownNow();
        }
    }

    private static CircleProcess instance(String name, TestDatabase db, String members, int gridPort, String publicUrl) {
        return Clustered.instance(name, db, members, gridPort).withEnv("CIRCLE_PUBLIC_URL", publicUrl).withEnv("CIRCLE_MANAGEMENT", "on");
    }

    /** Sockets an instance holds, facilitators' and members'. */
    private static int held(Scrape figures) {
        return (int) (figures.value(FACILITATORS) + figures.value(PARTICIPANTS));
    }

    private static long done(Map<?, CompletableFuture<Instant>> futures) {
        return futures.values().stream().filter(CompletableFuture::isDone).count();
    }

    /**
     * One person's page: its socket through nginx, and on a drop what live.js's reconnect does.
     * The socket is replaced from the thread that brings it back, hence volatile.
     */
    private static final class PageLike {
        final String name;
        final String id;
        private final HttpClient client;
        private final String url;
        private final Executor waiter;
        volatile Ws ws;
        volatile JsonObject welcome;
        volatile String expected;
        /** What each try to come back met, for the test's output. */
        final List<String> tries = new java.util.concurrent.CopyOnWriteArrayList<>();

        PageLike(String name, HttpClient client, String url, Executor waiter, String ticket, String expected) {
            this.name = name;
            this.waiter = waiter;
            this.client = client;
            this.url = url;
            this.expected = expected;
            this.ws = new Ws(client, url, url);
            ws.send(Ws.hello(ticket));
            this.welcome = ws.await("welcome");
            this.id = welcome.getJsonObject("you").getString("id");
        }

        /**
         * live.js#reconnect: a second's wait, then hello with the latest resume token; a connection
         * that fails or closes unanswered is tried again a second later; an error frame ends the
         * page (the person would see "lost"), and so does the 55 s window. Returns when it is back.
         */
        Instant comeBack() {
            Instant droppedAt = Instant.now();
            String resume = welcome.getString("resume");
            while (Duration.between(droppedAt, Instant.now()).compareTo(RESUME_WINDOW) < 0) {
                pause(1000);
                Ws next;
                long at = Duration.between(droppedAt, Instant.now()).toMillis();
                try {
                    next = new Ws(client, url, url);
                } catch (RuntimeException refused) {
                    tries.add(at + " ms: no socket (" + refused.getMessage() + ")");
                    continue; // nginx had no instance to give (502/503 on the upgrade): the page tries again
                }
                next.send(Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("resume", resume).build());
                JsonObject first = firstAnswer(next);
                if (first == null) {
                    tries.add(at + " ms: closed unanswered");
                    continue;
                }
                tries.add(at + " ms: " + first.getString("type") + " after " + (Duration.between(droppedAt, Instant.now()).toMillis() - at) + " ms");
                if (!first.getString("type").equals("welcome")) throw new AssertionError(name + "'s page gives up on " + first);
                welcome = first;
                ws = next;
                return Instant.now();
            }
            throw new AssertionError(name + "'s page was not back within " + RESUME_WINDOW);
        }

        /** The welcome or error that answers the hello, or null when the socket closes first. */
        private JsonObject firstAnswer(Ws next) {
            var answer = CompletableFuture.supplyAsync(
                    () -> next.await(fr -> fr.getString("type").equals("welcome") || fr.getString("type").equals("error")), waiter);
            try {
                CompletableFuture.anyOf(answer, next.whenClosed()).join();
                // A frame sent just before the close is already in; give it a moment to be picked up.
                return answer.isDone() ? answer.join() : answer.get(500, TimeUnit.MILLISECONDS);
            } catch (Exception closedUnanswered) {
                if (!next.isClosed()) throw new AssertionError(name + "'s page has no answer to its hello", closedUnanswered);
                return null;
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
