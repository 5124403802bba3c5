package org.circle.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may speak now, until when, and since when (to count floor time for attendance).
 * The floor's timer only announces that time is up; taking the floor away is the facilitator's call.
 */
final class Floor {

    String holder;
    Instant endsAt;
    Instant since;
    boolean expired;

    boolean heldBy(String participant) { return holder != null && holder.equals(participant); }

    /** Moves the floor, crediting the previous holder with the time they held it. */
    void give(String participant, Instant now, Instant endsAt, java.util.function.Function<String, Person> people) {
        release(now, people);
        if (participant == null) return;
        holder = participant;
        this.endsAt = endsAt;
        since = now;
        expired = false;
        Person p = people.apply(participant);
        if (p != null) p.turns++;
    }

    void release(Instant now, java.util.function.Function<String, Person> people) {
        if (holder != null) {
            Person previous = people.apply(holder);
            if (previous != null) previous.floorMillis += Math.max(0, Duration.between(since, now).toMillis());
        }
        holder = null;
        endsAt = null;
        since = null;
        expired = false;
    }

    @Override
    public String toString() { return holder + "/" + endsAt + (expired ? "/expired" : ""); }
}
