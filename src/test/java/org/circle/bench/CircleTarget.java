package org.circle.bench;

import static org.circle.testing.Http.json;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.Http;

/**
 * Circle through its v1 contract: groups, sessions and invitations made over REST, every member
 * and a facilitator per session on /ws with a ticket, everyone admitted, then mesh signal relays
 * with hand raises and lowers, floor grants and mutes beside them.
 */
final class CircleTarget extends Target {

    private final List<CircleProcess> instances;
    /** What a person's ticket is asked with: their session, and the invitation (null for the facilitator). */
    private record Seat(String sessionId, String invitation) { }

    private final Map<Integer, Seat> seats = new ConcurrentHashMap<>();
    private final Map<Integer, String> tickets = new ConcurrentHashMap<>();
    private Http http;
    private Http admin;
    private final Map<Integer, CompletableFuture<Long>> admitted = new ConcurrentHashMap<>();
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong();

    /**
     * One instance, or a cluster's: people are dealt across the instances in turn, so every
     * session has members (and, session by session, its facilitator) on each, as a load
     * balancer would spread them.
     */
    CircleTarget(List<CircleProcess> instances) { this.instances = List.copyOf(instances); }

    @Override String name() { return instances.size() == 1 ? "Circle" : "Circle, " + instances.size() + " instances"; }
    @Override long serverPid() { return instances.get(0).pid(); }
    @Override List<Long> serverPids() { return instances.stream().map(CircleProcess::pid).toList(); }
    @Override URI address(Peer peer) { return URI.create(instances.get(peer.index % instances.size()).baseUrl().replace("http", "ws") + "/ws"); }
    @Override String hello(Peer peer) { return "{\"type\":\"hello\",\"protocol\":1,\"ticket\":\"" + tickets.get(peer.index) + "\"}"; }

    @Override
    void beforeConnect(Peer peer) {
        Seat seat = seats.get(peer.index);
        var answer = seat.invitation() == null ? admin.post("/api/sessions/" + seat.sessionId() + "/tickets", null)
                : http.post("/api/sessions/" + seat.sessionId() + "/tickets", json("invitation", seat.invitation()));
        if (answer.status() != 201) throw new IllegalStateException("no ticket for person " + peer.index + ": " + answer);
        tickets.put(peer.index, answer.json().getString("ticket"));
    }

    /**
     * Sessions and members through REST; index r*size is room r's facilitator. Tickets live 60 s,
     * so each is asked for just before its person connects ({@link #beforeConnect}): made here,
     * the last ones would expire while a slower server (a cluster) still connects the first.
     */
    void prepare(int roomCount, int size) {
        http = new Http(instances.get(0).baseUrl()); // one database behind every instance
        admin = http.as(CircleServer.setUp(http));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> rooms = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            int room = r;
            rooms.add(CompletableFuture.runAsync(() -> {
                String group = admin.post("/api/groups", json("name", "Load " + room)).json().getString("id");
                String session = admin.post("/api/groups/" + group + "/sessions",
                        json("title", "Evening", "startsAt", "2026-11-22T18:00:00Z", "minutes", 90)).json().getString("id");
                seats.put(room * size, new Seat(session, null));
                for (int m = 1; m < size; m++) {
                    String invitation = admin.post("/api/groups/" + group + "/members", json("displayName", "Member " + m))
                            .json().getJsonObject("invitation").getString("token");
                    seats.put(room * size + m, new Seat(session, invitation));
                }
            }, pool));
        }
        CompletableFuture.allOf(rooms.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
    }

    /** Each facilitator admits everyone waiting; records admit.all → each member's admitted frame. */
    void admitEveryone() throws Exception {
        for (Peer[] room : rooms) {
            for (int m = 1; m < room.length; m++) admitted.put(room[m].index, new CompletableFuture<>());
            long t0 = System.nanoTime();
            call(room[0], "admit.all", "{\"type\":\"admit.all\"}");
            for (int m = 1; m < room.length; m++) {
                Recorder.current().record("admit.all → admitted", admitted.get(room[m].index).get(30, TimeUnit.SECONDS) - t0);
            }
        }
    }

    @Override
    void received(Peer peer, String frame) {
        if (frame.startsWith("{\"type\":\"error\"") && !peer.ready.isDone()) {
            peer.ready.completeExceptionally(new IllegalStateException("hello refused: " + frame)); // loud, not a 60 s wait
        } else if (frame.startsWith("{\"type\":\"ack\"") || frame.startsWith("{\"type\":\"error\"")) {
            int r = frame.indexOf("\"ref\":\"");
            String ref = frame.substring(r + 7, frame.indexOf('"', r + 7));
            Long sent = pending.remove(ref);
            if (sent != null) Recorder.current().record(ref.substring(0, ref.indexOf('#')) + " (ack)", System.nanoTime() - sent);
            if (frame.startsWith("{\"type\":\"error\"")) Recorder.current().error();
        } else if (frame.startsWith("{\"type\":\"welcome\"")) {
            int you = frame.indexOf("\"you\":{\"id\":\"");
            peer.id = frame.substring(you + 13, frame.indexOf('"', you + 13));
            peer.ready.complete(peer);
        } else if (frame.startsWith("{\"type\":\"admitted\"")) {
            CompletableFuture<Long> waiting = admitted.get(peer.index);
            if (waiting != null) waiting.complete(System.nanoTime());
        }
    }

    @Override
    String relay(Peer from, Peer to, char kind, String payload) {
        return "{\"type\":\"signal\",\"to\":\"" + to.id + "\",\"payload\":" + payload + "}";
    }

    @Override
    void control(Peer[] room, Random random) {
        int roll = random.nextInt(10);
        Peer member = room[1 + random.nextInt(room.length - 1)];
        if (roll < 3) call(member, "hand.raise", "{\"type\":\"hand.raise\"}");
        else if (roll < 6) call(member, "hand.lower", "{\"type\":\"hand.lower\"}");
        else if (roll < 8) call(room[0], "floor.grant", "{\"type\":\"floor.grant\",\"participant\":\"" + member.id + "\",\"seconds\":60}");
        else call(room[0], "mute", "{\"type\":\"mute\",\"participant\":\"" + member.id + "\"}");
    }

    /**
     * Each facilitator ends their session before the sockets go, so that what Circle held for
     * them is released: the raw relay measured next on the same server then counts only its own heap.
     */
    @Override
    public void close() {
        Recorder.begin("Circle end");
        for (Peer[] room : rooms) call(room[0], "session.end", "{\"type\":\"session.end\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pending.keySet().stream().anyMatch(ref -> ref.startsWith("session.end")) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        super.close();
    }

    private void call(Peer peer, String kind, String json) {
        String ref = kind + "#" + refs.incrementAndGet();
        pending.put(ref, System.nanoTime());
        peer.send("{\"ref\":\"" + ref + "\"," + json.substring(1));
    }
}
