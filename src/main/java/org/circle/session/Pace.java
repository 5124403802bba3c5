package org.circle.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often one person may do one thing: {@code burst} at once, then one every {@code every}, as
 * a token bucket kept as one instant per person (when their bucket would be full again, the
 * "theoretical arrival time" of GCRA). One instant is exact, needs no clock of its own and saves as
 * it is. A person whose bucket is full is not kept at all.
 */
final class Pace {

    private final int burst;
    private final Duration every;
    /** What the refusal says first: why there is a wait. */
    private final String refusal;
    private final Map<String, Instant> due = new HashMap<>();

    Pace(int burst, Duration every, String refusal) {
        this.burst = burst;
        this.every = every;
        this.refusal = refusal;
    }

    /** Takes one of {@code person}'s allowance at {@code now}, or refuses with how long until there is one again. */
    void take(String person, Instant now) {
        Instant from = due.getOrDefault(person, now);
        if (from.isBefore(now)) from = now;
        Instant allowedFrom = from.minus(every.multipliedBy(burst - 1L));
        if (allowedFrom.isAfter(now)) {
            long seconds = Math.max(1, (Duration.between(now, allowedFrom).toMillis() + 999) / 1000);
            throw Refusal.of(new Refusal(ErrorCode.RATE_LIMITED, refusal + " You can send another in "
                    + seconds + (seconds == 1 ? " second." : " seconds."), (int) seconds));
        }
        due.values().removeIf(at -> !at.isAfter(now)); // full again: nothing to remember
        due.put(person, from.plus(every));
    }

    Map<String, Instant> save() { return new TreeMap<>(due); }

    void restore(Map<String, Instant> saved) {
        if (saved != null) due.putAll(saved);
    }

    @Override
    public String toString() { return new TreeMap<>(due).toString(); }
}
