package org.circle.signaling.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.circle.session.CloseCode;

/**
 * A socket that writes at once and remembers what it was told, each write and the close stamped
 * from one counter shared by every fake socket, so a test can tell what happened before what.
 */
final class FakeSocket implements Connection.Socket {

    private static final AtomicLong TICKS = new AtomicLong();

    record Written(long tick, String frame) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(frame))) {
                return reader.readObject();
            }
        }

        String type() { return json().getString("type"); }
    }

    private final String id;
    /** The connection on this socket, as the edge would make it. */
    final Connection connection;
    final List<Written> written = new ArrayList<>();
    CloseCode closedWith;
    String closeReason;
    long closedAt;

    FakeSocket(String id) {
        this.id = id;
        this.connection = new Connection(this, System.nanoTime());
    }

    @Override public String id() { return id; }

    @Override public synchronized void write(String frame, Consumer<Throwable> done) {
        written.add(new Written(TICKS.incrementAndGet(), frame));
        done.accept(null);
    }

    @Override public synchronized void close(CloseCode code, String reason) {
        if (closedWith != null) return;
        closedWith = code;
        closeReason = reason;
        closedAt = TICKS.incrementAndGet();
    }

    synchronized List<String> types() { return written.stream().map(Written::type).toList(); }

    synchronized List<JsonObject> frames(String type) { return written.stream().map(Written::json).filter(j -> j.getString("type").equals(type)).toList(); }

    synchronized Written last(String type) {
        for (int i = written.size() - 1; i >= 0; i--) if (written.get(i).type().equals(type)) return written.get(i);
        throw new AssertionError("no " + type + " frame in " + types());
    }

    synchronized List<String> frames() { return written.stream().map(Written::frame).toList(); }

    synchronized void clear() { written.clear(); }
}
