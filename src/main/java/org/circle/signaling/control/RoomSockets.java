package org.circle.signaling.control;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.circle.session.CloseCode;

/**
 * The sockets of one room's people on this instance, by participant: at most one each (a newer
 * connection replaces the older). Changed only under the room's lock; read without it by the
 * relayed signals, which is why the map is a concurrent one.
 */
final class RoomSockets {

    private final Map<String, Connection> byPerson = new ConcurrentHashMap<>();

    Connection of(String participant) { return byPerson.get(participant); }

    /** The person's socket from now on; returns the one it replaced, if any. */
    Connection put(String participant, Connection connection) { return byPerson.put(participant, connection); }

    Connection remove(String participant) { return byPerson.remove(participant); }

    /** Removes the socket only if it is still the person's connection. */
    boolean remove(String participant, Connection connection) { return byPerson.remove(participant, connection); }

    Set<String> people() { return byPerson.keySet(); }

    /** Sends to the person if their socket is here; whether it was. */
    boolean send(String to, String frame) {
        Connection c = byPerson.get(to);
        if (c == null) return false;
        c.send(frame);
        return true;
    }

    void send(Collection<String> to, String frame) {
        for (String participant : to) send(participant, frame);
    }

    /** Sends to every person here whom {@code meant} picks. */
    void sendWhere(Predicate<String> meant, String frame) {
        byPerson.forEach((participant, c) -> { if (meant.test(participant)) c.send(frame); });
    }

    /** Closes the person's socket once what is queued on it is sent; whether there was one. */
    boolean close(String participant, CloseCode code, String reason) {
        Connection c = byPerson.remove(participant);
        if (c != null) c.closeAfterSending(code, reason);
        return c != null;
    }

    /** Another instance's command, for the sockets here: its frames, then its closes. */
    void deliver(SharedRoom.Shipment shipment) {
        for (SharedRoom.Frame frame : shipment.frames()) send(frame.recipients(), frame.text());
        for (SharedRoom.Close close : shipment.closes()) close(close.participant(), close.code(), close.reason());
    }

    /** Closes, as replaced, the sockets whose people the cluster now places on another instance. */
    void closeReplaced(Predicate<String> placedElsewhere) {
        byPerson.entrySet().removeIf(e -> {
            if (!placedElsewhere.test(e.getKey())) return false;
            e.getValue().closeNow(CloseCode.REPLACED, "replaced by a newer connection");
            return true;
        });
    }
}
