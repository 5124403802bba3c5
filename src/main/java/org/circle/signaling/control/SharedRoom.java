package org.circle.signaling.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circle.session.CloseCode;
import org.circle.session.Command;

/**
 * A live session as the data grid holds it when Circle runs as several instances (contract
 * section 3): the room as the store keeps it, which instance holds each person's socket, the
 * deadlines still to fire, and the frames of the last few commands. {@code version} counts the
 * commands; an instance that has delivered up to version n delivers the shipments after n, in
 * order, whenever it sees the entry (its listener, or its next command), so every person hears
 * events in the order the session decided them whichever instance decided them.
 */
public record SharedRoom(long version, RoomStore.StoredRoom room, Map<String, String> where, List<Deadline> deadlines,
                  List<Shipment> recent) implements Serializable {

    /** How many commands' frames an entry keeps for an instance that fell behind. */
    static final int KEPT = 16;

    public SharedRoom {
        where = Map.copyOf(where);
        deadlines = List.copyOf(deadlines);
        recent = List.copyOf(recent);
    }

    /** A timer's command and when it is due; stale ones are ignored by the core, so firing one twice is harmless. */
    public record Deadline(Instant at, Command command) implements Serializable { }

    /** One frame and who hears it. */
    public record Frame(String text, List<String> recipients) implements Serializable {
        public Frame {
            recipients = List.copyOf(recipients);
        }
    }

    /** A socket the session closed. */
    public record Close(String participant, CloseCode code, String reason) implements Serializable { }

    /** What one command sent and closed, for the instances holding its people's sockets. */
    public record Shipment(long version, List<Frame> frames, List<Close> closes, boolean ended) implements Serializable {
        public Shipment {
            frames = List.copyOf(frames);
            closes = List.copyOf(closes);
        }
    }

    /** The entry as the grid stores it (sealed): Java's serial form. */
    public byte[] write() { return SerialForm.write(this); }

    /** An entry as {@link #write} gave it, or as the Base64 text of it that earlier versions sealed. */
    public static SharedRoom read(byte[] form) { return SerialForm.read(form, SharedRoom.class); }

    /** The newest {@link #KEPT} shipments, this one last. */
    static List<Shipment> keep(List<Shipment> recent, Shipment next) {
        List<Shipment> kept = new ArrayList<>(recent);
        kept.add(next);
        return kept.size() <= KEPT ? kept : kept.subList(kept.size() - KEPT, kept.size());
    }

    /** Deadlines still ahead of {@code now} by less than a minute ago (the rest fired long since). */
    static List<Deadline> pending(List<Deadline> deadlines, Instant now) {
        Instant horizon = now.minusSeconds(60);
        return deadlines.stream().filter(d -> d.at().isAfter(horizon)).toList();
    }
}
