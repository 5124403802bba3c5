package org.circle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A server the load driver relays through: Circle, the raw relay beside it, or PeerJS server.
 * Each says where a client connects, how it greets, and how a relayed frame is written; the
 * driver sends the same pattern through all three.
 */
abstract class Target implements AutoCloseable {

    /** How many handshakes are in flight at once while everyone connects. */
    private static final int CONNECTING_AT_ONCE = 32;

    final HttpClient client = HttpClient.newHttpClient();
    final List<Peer[]> rooms = new ArrayList<>();

    abstract String name();

    abstract long serverPid();

    /** Every process serving this target (several for a cluster): the step's CPU figure is their sum. */
    List<Long> serverPids() { return List.of(serverPid()); }

    abstract URI address(Peer peer);

    /** The first frame a client sends, or null when the address alone identifies it. */
    abstract String hello(Peer peer);

    /** Called with every frame that is not a relayed one; completes {@code peer.ready}. */
    abstract void received(Peer peer, String frame);

    abstract String relay(Peer from, Peer to, char kind, String payload);

    /** Whatever a client needs just before it connects (Circle: a fresh ticket); on the connecting thread. */
    void beforeConnect(Peer peer) { }

    /** Circle's controls beside the relays; the baselines have none. */
    void control(Peer[] room, Random random) { }

    /** Connects rooms × size clients, a bounded number at a time; records connect → ready. */
    void connect(int roomCount, int size) throws Exception {
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<Peer>> all = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            Peer[] room = new Peer[size];
            for (int p = 0; p < size; p++) {
                Peer peer = new Peer(r * size + p, this::received);
                room[p] = peer;
                beforeConnect(peer);
                slots.acquire();
                long t0 = System.nanoTime();
                CompletableFuture<Peer> done = client.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(30))
                        .buildAsync(address(peer), peer)
                        .thenCompose(ws -> {
                            peer.socket = ws;
                            String hello = hello(peer);
                            if (hello != null) peer.send(hello);
                            return peer.ready;
                        })
                        .orTimeout(60, TimeUnit.SECONDS)
                        .whenComplete((ok, failure) -> {
                            slots.release();
                            if (failure == null) Recorder.current().record("connect → ready", System.nanoTime() - t0);
                            else Recorder.current().error();
                        });
                all.add(done);
            }
            rooms.add(room);
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException first) {
            long failed = all.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            throw new IllegalStateException(name() + ": " + failed + " of " + all.size() + " clients did not connect", first);
        }
    }

    int people() { return rooms.stream().mapToInt(r -> r.length).sum(); }

    @Override
    public void close() {
        for (Peer[] room : rooms) for (Peer p : room) if (p.socket != null) p.socket.abort();
        rooms.clear();
    }
}
