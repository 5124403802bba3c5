package org.circle.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Raised hands in the order they were raised. Raising twice keeps the first place. */
final class HandQueue {

    private final List<Event.HandEntry> queue = new ArrayList<>();

    boolean raise(String participant, Instant now) {
        if (contains(participant)) return false;
        queue.add(new Event.HandEntry(participant, now));
        return true;
    }

    boolean lower(String participant) {
        return queue.removeIf(h -> h.participant().equals(participant));
    }

    boolean contains(String participant) {
        for (Event.HandEntry h : queue) if (h.participant().equals(participant)) return true;
        return false;
    }

    List<Event.HandEntry> entries() { return List.copyOf(queue); }

    @Override
    public String toString() { return queue.toString(); }
}
