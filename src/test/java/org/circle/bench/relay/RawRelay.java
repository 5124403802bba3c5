package org.circle.bench.relay;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circle.platform.ScanFreeContext;
import org.circle.signaling.boundary.PlainIdleTimer;

/**
 * The load benchmark's ceiling, never part of Circle: a bare WebSocket relay deployed beside
 * Circle on the same Payara Micro, in a WAR of its own that LoadBench builds. It does only what
 * every relay must (find the addressee, forward the text), with no parsing, checks, session state
 * or persistence, so the gap between it and Circle is the price of Circle's own work.
 * A frame is {@code {"to":"<id>",...}}; the addressee receives the frame as sent.
 */
@ServerEndpoint("/relay/{id}")
public class RawRelay {

    private static final Map<String, Session> PEOPLE = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session, @PathParam("id") String id) throws IOException {
        session.setMaxIdleTimeout(0); // as Circle does: no idle timeout,
        PlainIdleTimer.use(session);  // and Tyrus's per-frame re-arming on a plain executor (packed into this WAR)
        PEOPLE.put(id, session);
        session.getBasicRemote().sendText("{\"type\":\"open\"}");
    }

    @OnMessage
    public void relay(String frame, @PathParam("id") String id) {
        int start = frame.indexOf("\"to\":\"") + 6;
        Session to = start < 6 ? null : PEOPLE.get(frame.substring(start, frame.indexOf('"', start)));
        if (to == null) return;
        // Sent the way Circle sends (ScanFreeContext is packed into this WAR), so that this stays
        // the stack's ceiling. One sender at a time: a WebSocket session takes no concurrent writes.
        synchronized (to) {
            ScanFreeContext.run(() -> {
                try {
                    to.getBasicRemote().sendText(frame);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @OnClose
    public void close(@PathParam("id") String id, CloseReason reason) {
        PEOPLE.remove(id);
    }
}
