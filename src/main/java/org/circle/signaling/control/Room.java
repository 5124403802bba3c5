package org.circle.signaling.control;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.circle.session.LiveSession;

/**
 * A live session and the sockets of its people. The room's monitor is the session's single
 * writer: commands are applied and their frames queued under it, one at a time, so every person
 * sees events in the order the session decided them.
 */
final class Room {

    final String id;
    final LiveSession session;
    final Map<String, Connection> connections = new ConcurrentHashMap<>();
    /** Durable writes of this session, chained so they land in the order they happened. */
    CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);
    /** The media gate's changes, chained for the same reason: a mute must not overtake the unmute before it. */
    CompletableFuture<Void> mediaAccess = CompletableFuture.completedFuture(null);

    Room(String id, LiveSession session) {
        this.id = id;
        this.session = session;
    }
}
