package org.circle.signaling.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.platform.ScanFreeContext;
import org.circle.session.CloseCode;
import org.circle.signaling.control.Connection;
import org.circle.signaling.control.FrameMeter;
import org.circle.signaling.control.Switchboard;

/** The live session's socket: {@code /ws}. Frames over 64 KiB close it with 1009. */
@ServerEndpoint(value = "/ws", configurator = OriginCheck.class)
public class SessionSocket {

    static final int MAX_FRAME = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(SessionSocket.class.getName());
    /** Hello deadlines and the heartbeat: they only ping and close sockets, touching no container resources. */
    private static final ScheduledExecutorService SOCKET_TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "circle-socket-timers");
        t.setDaemon(true);
        return t;
    });
    private static final ByteBuffer PING = ByteBuffer.allocate(0);
    private static final Heartbeat<Session> HEARTBEAT = new Heartbeat<>(new Heartbeat.Sockets<>() {
        @Override public boolean open(Session socket) { return socket.isOpen(); }
        @Override public void ping(Session socket) throws IOException { socket.getAsyncRemote().sendPing(PING.duplicate()); }
        @Override public void close(Session socket) throws IOException {
            socket.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to pings"));
        }
        @Override public void lost(Session socket) {
            if (socket.getUserProperties().get(LOST) instanceof Runnable closed) closed.run();
        }
    });
    /** What a socket's close does, kept with the socket for the heartbeat, which has no switchboard of its own. */
    private static final String LOST = "circle.lost";

    static {
        SOCKET_TIMERS.scheduleAtFixedRate(() -> HEARTBEAT.beat(System.nanoTime()),
                Heartbeat.EVERY_SECONDS, Heartbeat.EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * The two application-scoped beans every socket uses (their client proxies), looked up once.
     * The endpoint itself is made without CDI ({@link OriginCheck#getEndpointInstance}): through
     * CDI, Payara's Tyrus gives every endpoint a new annotated type and injection target of its
     * own, kept until the socket closes.
     */
    private static volatile Switchboard switchboard;
    private static volatile FrameMeter meter;

    private static Switchboard switchboard() {
        Switchboard s = switchboard;
        if (s == null) switchboard = s = CDI.current().select(Switchboard.class).get();
        return s;
    }

    private static FrameMeter meter() {
        FrameMeter m = meter;
        if (m == null) meter = m = CDI.current().select(FrameMeter.class).get();
        return m;
    }

    @OnOpen
    public void open(Session socket) {
        PlainIdleTimer.use(socket);
        socket.setMaxTextMessageBufferSize(MAX_FRAME);
        socket.setMaxBinaryMessageBufferSize(MAX_FRAME);
        // The heartbeat watches for silence instead. Zero rather than a long timeout: Tyrus still
        // re-arms its timer on every frame, and Payara's scheduler keeps a cancelled timer queued
        // until it falls due, so a long timeout would pile up one dead timer per frame.
        socket.setMaxIdleTimeout(0);
        HEARTBEAT.heard(socket, System.nanoTime());
        Connection connection = new Connection(new Transport(socket), System.nanoTime(), meter());
        socket.getUserProperties().put(Connection.class.getName(), connection);
        socket.getUserProperties().put(LOST, (Runnable) () -> switchboard().closed(connection));
        SOCKET_TIMERS.schedule(() -> {
            if (!connection.greeted()) connection.closeNow(CloseCode.POLICY, "no hello");
        }, 10, TimeUnit.SECONDS);
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(Session socket, String text) {
        HEARTBEAT.heard(socket, System.nanoTime());
        switchboard().received(connection(socket), text);
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void binary(Session socket, byte[] data) {
        HEARTBEAT.heard(socket, System.nanoTime());
        switchboard().received(connection(socket), "\u0000binary");
    }

    @OnMessage
    public void pong(Session socket, PongMessage pong) {
        HEARTBEAT.heard(socket, System.nanoTime());
    }

    @OnClose
    public void close(Session socket, CloseReason reason) {
        HEARTBEAT.gone(socket);
        switchboard().closed(connection(socket));
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        LOG.log(Level.FINE, "socket error on " + socket.getId(), failure);
    }

    private static Connection connection(Session socket) {
        return (Connection) socket.getUserProperties().get(Connection.class.getName());
    }

    /** A Jakarta WebSocket session as the socket under a connection. */
    private record Transport(Session socket) implements Connection.Socket {
        @Override public String id() { return socket.getId(); }

        @Override public void write(String frame, Consumer<Throwable> done) {
            ScanFreeContext.run(() -> socket.getAsyncRemote().sendText(frame, result -> done.accept(result.isOK() ? null : result.getException())));
        }

        @Override public void close(CloseCode code, String reason) {
            try {
                if (socket.isOpen()) socket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
            } catch (IOException | IllegalStateException e) {
                // already closing
            }
        }
    }
}
