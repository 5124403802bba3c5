package org.circle.signaling.control;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Frames waiting to be written to one socket. Sends are asynchronous and one at a time; a
 * socket whose queue grows past its bound is a client that cannot keep up (a phone in a
 * tunnel, a frozen tab) and is closed rather than waited for, so it never slows anyone else.
 */
public final class Outbox {

    /** Writes one frame and calls back with null on success or the failure. */
    public interface Writer extends BiConsumer<String, Consumer<Throwable>> { }

    private final Writer writer;
    private final Runnable overflow;
    private final int limit;
    private final Queue<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private Runnable whenDrained;

    public Outbox(Writer writer, Runnable overflow, int limit) {
        this.writer = writer;
        this.overflow = overflow;
        this.limit = limit;
    }

    public void send(String frame) {
        boolean overflowed;
        synchronized (this) {
            if (closed) return;
            overflowed = queue.size() >= limit;
            if (overflowed) {
                closed = true;
                queue.clear();
            } else if (sending) {
                queue.add(frame);
                return;
            } else {
                sending = true;
            }
        }
        if (overflowed) overflow.run(); else write(frame);
    }

    private void write(String frame) {
        try {
            writer.accept(frame, this::written);
        } catch (RuntimeException e) {
            written(e);
        }
    }

    private void written(Throwable failure) {
        String next;
        synchronized (this) {
            if (failure != null) {
                closed = true;
                queue.clear();
            }
            next = closed ? null : queue.poll();
            sending = next != null;
        }
        if (next != null) write(next);
        else drained();
    }

    /** Runs {@code action} once every queued frame is written (at once if none is). */
    public void finish(Runnable action) {
        boolean now;
        synchronized (this) {
            whenDrained = action;
            now = !sending;
        }
        if (now) drained();
    }

    private void drained() {
        Runnable action;
        synchronized (this) {
            action = whenDrained;
            whenDrained = null;
            if (action != null) closed = true;
        }
        if (action != null) action.run();
    }

    public synchronized int pending() { return queue.size(); }

    public synchronized void close() {
        closed = true;
        queue.clear();
    }
}
