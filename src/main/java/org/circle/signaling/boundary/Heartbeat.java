package org.circle.signaling.boundary;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps sockets honest with one timer for all of them. Circle turns the container's idle timeout
 * off (SessionSocket says why), so silence is noticed here instead. Every 20 s each open socket is
 * pinged; browsers answer pings by themselves, so
 * a socket not heard from in 60 s is gone (a laptop lid closed, a network dropped) and is closed
 * with 1001. The page reconnects and resumes; an admitted person who does not is counted as left.
 * The pings also keep proxies from cutting quiet but healthy sockets. A socket still watched
 * that is found closed, or whose ping fails, is reported lost: its {@code @OnClose} should have
 * stopped the watch, and when the container never calls it (a page closed in a full CI run and
 * the server never heard, FollowUpBrowserIT) the person must still be counted as gone. Reporting
 * twice is harmless: the room forgets a connection once.
 */
final class Heartbeat<S> {

    static final long EVERY_SECONDS = 20;
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** What the heartbeat does to a socket. */
    interface Sockets<S> {
        boolean open(S socket);
        void ping(S socket) throws Exception;
        void close(S socket) throws Exception;
        /** The socket is gone without its close having been heard: treat it as closed. */
        void lost(S socket);
    }

    /**
     * A socket's last frame, written in place: this runs for every frame, and putting a new boxed
     * time into the map each time gave the collector a new object, and an old map entry pointing
     * at it, per frame.
     */
    private static final class Heard {
        volatile long at;

        Heard(long at) { this.at = at; }
    }

    private final Map<S, Heard> lastHeard = new ConcurrentHashMap<>();
    private final Sockets<S> sockets;

    Heartbeat(Sockets<S> sockets) { this.sockets = sockets; }

    void heard(S socket, long now) {
        Heard heard = lastHeard.get(socket);
        if (heard == null) lastHeard.put(socket, new Heard(now));
        else heard.at = now;
    }

    void gone(S socket) { lastHeard.remove(socket); }

    int watching() { return lastHeard.size(); }

    void beat(long now) {
        lastHeard.forEach((socket, last) -> {
            long heard = last.at;
            try {
                if (!sockets.open(socket)) {
                    lastHeard.remove(socket);
                    sockets.lost(socket);
                } else if (now - heard > QUIET_NANOS) {
                    lastHeard.remove(socket);
                    sockets.close(socket);
                } else {
                    sockets.ping(socket);
                }
            } catch (Exception e) {
                lastHeard.remove(socket);
                sockets.lost(socket); // closing already; if its @OnClose comes too, it finds nothing left to do
            }
        });
    }
}
