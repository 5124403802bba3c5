package org.circle.bench.relay;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final ClassLoader NOTHING = new ClassLoader(null) { };

    @OnOpen
    public void open(Session session, @PathParam("id") String id) throws IOException {
        session.setMaxIdleTimeout(0); // as Circle does: no per-frame idle timer
        PEOPLE.put(id, session);
        session.getBasicRemote().sendText("{\"type\":\"open\"}");
    }

    @OnMessage
    public void relay(String frame, @PathParam("id") String id) throws IOException {
        int start = frame.indexOf("\"to\":\"") + 6;
        Session to = start < 6 ? null : PEOPLE.get(frame.substring(start, frame.indexOf('"', start)));
        if (to == null) return;
        // One sender at a time per socket: a WebSocket session does not take concurrent writes.
        // Sent the way Circle sends (see ScanFreeContext), so that this stays the stack's ceiling.
        synchronized (to) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(NOTHING);
            try {
                to.getBasicRemote().sendText(frame);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    @OnClose
    public void close(@PathParam("id") String id, CloseReason reason) {
        PEOPLE.remove(id);
    }
}
