package org.circle.signaling.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Logger;
import org.circle.platform.ScanFreeContext;

/** One person's socket: its outbox, its rate limit, and who it speaks for once hello succeeded. */
public final class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    /** Frames queued for a socket before it counts as too slow to keep (about a minute of busy signalling). */
    static final int OUTBOX_LIMIT = 512;

    private final Session socket;
    private final Outbox outbox;
    final RateLimit rateLimit;
    volatile String sessionId;
    volatile String participantId;

    public Connection(Session socket) {
        this.socket = socket;
        this.rateLimit = RateLimit.forPerson(System.nanoTime());
        this.outbox = new Outbox(
                (frame, done) -> ScanFreeContext.run(() ->
                        socket.getAsyncRemote().sendText(frame, result -> done.accept(result.isOK() ? null : result.getException()))),
                () -> {
                    LOG.info(() -> "closing a socket that fell behind: participant " + participantId);
                    closeNow(1008, "too slow");
                },
                OUTBOX_LIMIT);
    }

    public void send(String frame) { outbox.send(frame); }

    /** Closes once what is already queued has been written, so a last word (removed, ended) arrives. */
    public void closeAfterSending(int code, String reason) {
        outbox.finish(() -> closeNow(code, reason));
    }

    public void closeNow(int code, String reason) {
        outbox.close();
        try {
            if (socket.isOpen()) socket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }

    public String id() { return socket.getId(); }
    public String participantId() { return participantId; }
    public String sessionId() { return sessionId; }
    public boolean greeted() { return participantId != null; }
}
