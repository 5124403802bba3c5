package org.circle.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing against one email: after {@value #ALLOWED} failures within
 * {@link #WINDOW}, that email is refused until the oldest failure leaves the window. Kept in
 * memory: a restart forgets, which costs an attacker a restart per five guesses.
 */
public class LoginThrottle {

    static final int ALLOWED = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Seconds the caller must wait before trying this email again, 0 when it may try now. */
    public long retryAfter(String email, Instant now) {
        Deque<Instant> recent = failures.get(email);
        if (recent == null) return 0;
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() < ALLOWED) return 0;
            return Math.max(1, Duration.between(now, recent.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    public void failed(String email, Instant now) {
        if (failures.size() > MAX_TRACKED) failures.clear(); // bounded memory under a flood of emails
        Deque<Instant> recent = failures.computeIfAbsent(email, e -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    public void succeeded(String email) {
        failures.remove(email);
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) recent.removeFirst();
    }
}
