package org.circle.signaling.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.signaling.control.Connection;
import org.circle.signaling.control.Switchboard;

/** The live session's socket: {@code /ws}. Frames over 64 KiB close it with 1009. */
@ServerEndpoint(value = "/ws", configurator = OriginCheck.class)
public class SessionSocket {

    static final int MAX_FRAME = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(SessionSocket.class.getName());
    /** Only closes sockets that never said hello; touches no container resources. */
    private static final ScheduledExecutorService HELLO_DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "circle-hello-deadline");
        t.setDaemon(true);
        return t;
    });

    @Inject
    Switchboard switchboard;

    @OnOpen
    public void open(Session socket) {
        socket.setMaxTextMessageBufferSize(MAX_FRAME);
        socket.setMaxBinaryMessageBufferSize(MAX_FRAME);
        Connection connection = new Connection(socket);
        socket.getUserProperties().put(Connection.class.getName(), connection);
        HELLO_DEADLINES.schedule(() -> {
            if (!connection.greeted()) connection.closeNow(1008, "no hello");
        }, 10, TimeUnit.SECONDS);
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(Session socket, String text) {
        switchboard.received(connection(socket), text);
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void binary(Session socket, byte[] data) {
        switchboard.received(connection(socket), "\u0000binary");
    }

    @OnClose
    public void close(Session socket, CloseReason reason) {
        switchboard.closed(connection(socket));
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        LOG.log(Level.FINE, "socket error on " + socket.getId(), failure);
    }

    private static Connection connection(Session socket) {
        return (Connection) socket.getUserProperties().get(Connection.class.getName());
    }
}
