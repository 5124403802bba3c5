package org.circle.signaling.control;

import java.util.function.Consumer;
import java.util.logging.Logger;
import org.circle.session.CloseCode;

/**
 * One person's socket: its outbox, its rate limit, and who it speaks for once a room let it in.
 * A connection is told things (send this, close after that, you joined as p1); nobody sets its
 * fields. The socket itself is reached only through {@link Socket}, so a test can hand in its own.
 */
public final class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    /** Frames queued for a socket before it counts as too slow to keep (about a minute of busy signalling). */
    static final int OUTBOX_LIMIT = 512;

    /** The transport under a connection. */
    public interface Socket {
        String id();

        /** Writes one frame asynchronously; calls back with null once written, or the failure. */
        void write(String frame, Consumer<Throwable> done);

        /** Closes the socket if it is still open; a socket already closing is no error. */
        void close(CloseCode code, String reason);
    }

    /** Hears every frame sent, for the server's figures ({@link FrameMeter}). */
    public interface Meter {
        Meter NONE = frame -> { };

        void sent(String frame);
    }

    private final Socket socket;
    private final Meter meter;
    private final Outbox outbox;
    private final RateLimit rateLimit;
    private volatile String sessionId;
    private volatile String participantId;

    public Connection(Socket socket, long nowNanos) {
        this(socket, nowNanos, Meter.NONE);
    }

    public Connection(Socket socket, long nowNanos, Meter meter) {
        this.socket = socket;
        this.meter = meter;
        this.rateLimit = RateLimit.forPerson(nowNanos);
        this.outbox = new Outbox(socket::write, () -> {
            LOG.info(() -> "closing a socket that fell behind: participant " + participantId);
            closeNow(CloseCode.POLICY, "too slow");
        }, OUTBOX_LIMIT);
    }

    public void send(String frame) {
        meter.sent(frame);
        outbox.send(frame);
    }

    /** Closes once what is already queued has been written, so a last word (removed, ended) arrives. */
    public void closeAfterSending(CloseCode code, String reason) {
        outbox.finish(() -> closeNow(code, reason));
    }

    public void closeNow(CloseCode code, String reason) {
        outbox.close();
        socket.close(code, reason);
    }

    /** A frame arrived: whether the rate limit lets it through. Called from the socket's one reading thread. */
    RateLimit.Verdict arrived(long nowNanos) { return rateLimit.take(nowNanos); }

    /** A room let this socket in: from now on it speaks for {@code participant} in {@code session}. */
    void joined(String session, String participant) {
        this.sessionId = session;
        this.participantId = participant;
    }

    public String id() { return socket.id(); }
    public String participantId() { return participantId; }
    public String sessionId() { return sessionId; }
    public boolean greeted() { return participantId != null; }
}
