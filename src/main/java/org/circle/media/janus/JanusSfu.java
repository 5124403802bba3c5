package org.circle.media.janus;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.circle.media.IceCandidate;
import org.circle.media.MediaListener;
import org.circle.media.MediaPort;
import org.circle.media.MediaUnavailable;
import org.circle.media.MediaUnsupported;

/**
 * The SFU through Janus's VideoRoom: per live session one room, per person a publisher handle,
 * per viewer and publisher a subscriber handle whose offer comes from Janus. Muting and moderated
 * mode are VideoRoom {@code moderate} on the publisher's audio, removal is {@code kick}: the server
 * stops forwarding, whatever the person's browser sends. One WebSocket carries everything, kept
 * alive more often than Janus's session timeout. When it ends (Janus restarted or went away) the
 * adapter reconnects by itself and tells each session's people {@code media.restart}; the rooms
 * are rebuilt from what the session core still wants as they publish again. In a cluster every
 * instance has its own connection and handles, and all of them meet in the session's one room
 * (see {@link VideoRoom}).
 */
public final class JanusSfu implements MediaPort {

    private static final Logger LOG = Logger.getLogger(JanusSfu.class.getName());
    private static final long KEEPALIVE_SECONDS = 20; // Janus's session_timeout is 60 s

    private final URI url;
    private final MediaListener listener;
    private static final long LOOK_AGAIN_MILLIS = 300;

    private final Map<String, VideoRoom> rooms = new ConcurrentHashMap<>();
    private final java.util.Set<String> looking = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "circle-janus");
        t.setDaemon(true);
        return t;
    });
    private JanusLink link; // guarded by this

    public JanusSfu(URI url, MediaListener listener) {
        this.url = url;
        this.listener = listener;
        worker.scheduleWithFixedDelay(this::keepalive, KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public boolean available() { return true; }

    @Override
    public String publish(String sessionId, String participant, String offer) throws MediaUnavailable {
        String answer = withRoom(sessionId, (room, janus) -> room.publish(janus, participant, offer));
        worker.execute(() -> converge(sessionId)); // offers waiting for this stream, after the answer is on its way
        return answer;
    }

    @Override
    public String subscribe(String sessionId, String viewer, String publisher, String offer) throws MediaUnavailable {
        throw new MediaUnsupported("Janus sends the offer: send media.subscribe without sdp and answer its media.offer with media.accept.");
    }

    @Override
    public void subscribe(String sessionId, String viewer, String publisher) throws MediaUnavailable {
        withRoom(sessionId, (room, janus) -> {
            room.subscribe(viewer, publisher);
            room.converge(janus);
            return null;
        });
        lookAgainLater(sessionId);
    }

    @Override
    public void accept(String sessionId, String viewer, String publisher, String answer) throws MediaUnavailable {
        withRoom(sessionId, (room, janus) -> {
            room.accept(janus, viewer, publisher, answer);
            return null;
        });
    }

    @Override
    public void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate) {
        try {
            withRoom(sessionId, (room, janus) -> {
                room.ice(janus, participant, endpointOf, candidate);
                return null;
            });
        } catch (MediaUnavailable e) {
            LOG.fine(() -> "candidate for session " + sessionId + " dropped: " + e.getMessage());
        }
    }

    @Override
    public void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded) {
        LOG.fine(() -> "session " + sessionId + ": access of " + participant + " publish " + mayPublish + " audio " + audioForwarded);
        VideoRoom room = rooms.computeIfAbsent(sessionId, id -> new VideoRoom(id, listener));
        synchronized (room) {
            room.access(participant, mayPublish, audioForwarded); // the wish holds even while Janus is away
        }
        converge(sessionId);
    }

    @Override
    public void close(String sessionId) {
        VideoRoom room = rooms.remove(sessionId);
        if (room == null) return;
        synchronized (room) {
            JanusLink janus = current();
            if (janus != null && room.builtOn == janus) room.destroy(janus);
        }
    }

    /** Stops the keepalives and the connection; the rooms end with Janus's session. */
    public void shutdown() {
        worker.shutdownNow();
        JanusLink janus = current();
        if (janus != null) janus.close();
    }

    private interface Work<T> { T run(VideoRoom room, JanusLink janus) throws JanusLink.Refused; }

    private <T> T withRoom(String sessionId, Work<T> work) throws MediaUnavailable {
        VideoRoom room = rooms.computeIfAbsent(sessionId, id -> new VideoRoom(id, listener));
        synchronized (room) {
            JanusLink janus = link();
            adopt(room, janus);
            try {
                return work.run(room, janus);
            } catch (JanusLink.Refused e) {
                LOG.warning("Janus refused a request of session " + sessionId + ": " + e.getMessage());
                throw new MediaUnavailable("The media server could not do that right now.");
            }
        }
    }

    private void converge(String sessionId) {
        if (!rooms.containsKey(sessionId)) return;
        try {
            withRoom(sessionId, (room, janus) -> {
                room.converge(janus);
                return null;
            });
        } catch (MediaUnavailable e) {
            LOG.fine(() -> "session " + sessionId + " converges once Janus answers: " + e.getMessage());
        }
        lookAgainLater(sessionId);
    }

    /**
     * A viewer here waits for a stream that Janus does not list yet: published on another
     * instance of the cluster, whose stream coming up this instance does not hear of. Janus's
     * list is read again shortly, one look at a time per session.
     */
    private void lookAgainLater(String sessionId) {
        VideoRoom room = rooms.get(sessionId);
        if (room == null || !room.lookingElsewhere || !looking.add(sessionId)) return;
        worker.schedule(() -> {
            looking.remove(sessionId);
            converge(sessionId);
        }, LOOK_AGAIN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A room built on an earlier connection lost its handles with it: start again from the wishes. */
    private void adopt(VideoRoom room, JanusLink janus) {
        if (room.builtOn == janus) return;
        boolean rebuilt = room.builtOn != null;
        room.builtOn = janus;
        if (rebuilt) {
            room.forgetJanus();
            LOG.info(() -> "Janus restarted; session " + room.sessionId + " publishes again");
            listener.republish(room.sessionId);
        }
    }

    private synchronized JanusLink link() throws MediaUnavailable {
        if (link != null && link.open()) return link;
        try {
            link = JanusLink.open(url, this::event, this::lost);
            LOG.info("connected to Janus");
            return link;
        } catch (JanusLink.Refused e) {
            throw new MediaUnavailable("The media server is not reachable right now.");
        }
    }

    private synchronized JanusLink current() { return link; }

    private void lost() {
        LOG.warning("the connection to Janus ended; reconnecting");
        worker.schedule(this::reconnect, 300, TimeUnit.MILLISECONDS);
    }

    /** Tries again until Janus answers, then has every live session publish again. */
    private void reconnect() {
        if (rooms.isEmpty()) return; // the next request connects
        try {
            JanusLink janus = link();
            for (VideoRoom room : rooms.values()) {
                synchronized (room) {
                    adopt(room, janus);
                }
            }
        } catch (MediaUnavailable e) {
            worker.schedule(this::reconnect, 500, TimeUnit.MILLISECONDS);
        }
    }

    private void keepalive() {
        JanusLink janus = current();
        if (janus != null && janus.open()) janus.keepalive();
    }

    /** A publisher's stream coming up lets its viewers in; one hanging up waits for the next publish. */
    private void event(JsonObject frame) {
        String kind = frame.getString("janus", "");
        if (!kind.equals("webrtcup") && !kind.equals("hangup") || !frame.containsKey("sender")) return;
        long handle = frame.getJsonNumber("sender").longValue();
        worker.execute(() -> {
            for (VideoRoom room : rooms.values()) {
                boolean theirs;
                synchronized (room) {
                    theirs = room.connection(handle, kind.equals("webrtcup"));
                }
                if (theirs) converge(room.sessionId);
            }
        });
    }
}
