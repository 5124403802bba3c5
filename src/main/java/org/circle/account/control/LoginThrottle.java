package org.circle.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing with a delay that grows with the failures, never with a wall. Failures
 * within {@link #WINDOW} are counted three ways: for the email (guessing one facilitator's
 * password from many places), for the client address (one place trying many emails) and for
 * everyone together (a crowd). Each count has some free failures; after them, every further
 * failure doubles the wait before that key may try again, up to its cap. The email's cap is
 * small on purpose: a stranger failing for a facilitator's email makes her wait at most
 * {@link #EMAIL_CAP} before her correct password is let through, while one address trying
 * many emails waits up to a minute per attempt. Kept in memory: a restart forgets.
 */
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Rule EMAIL = new Rule(3, Duration.ofSeconds(10));
    static final Rule ADDRESS = new Rule(10, Duration.ofSeconds(60));
    static final Rule EVERYONE = new Rule(200, Duration.ofSeconds(5));
    static final Duration EMAIL_CAP = EMAIL.cap;
    private static final String ALL = "*";
    private static final int MAX_TRACKED = 100_000;

    /** How many failures are free, and the longest wait a key can be made to serve. */
    record Rule(int free, Duration cap) {
        long waitMillis(int failures) {
            if (failures < free) return 0;
            int doublings = Math.min(30, failures - free);
            return Math.min(cap.toMillis(), 1000L << doublings);
        }
    }

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Seconds (rounded up) before this attempt may be tried, 0 when it may try now. */
    public long retryAfter(String email, String address, Instant now) {
        long millis = Math.max(wait("e:" + email, EMAIL, now),
                Math.max(wait("a:" + address, ADDRESS, now), wait(ALL, EVERYONE, now)));
        return (millis + 999) / 1000;
    }

    public void failed(String email, String address, Instant now) {
        if (failures.size() > MAX_TRACKED) failures.clear(); // bounded memory under a flood of emails
        for (String key : new String[] {"e:" + email, "a:" + address, ALL}) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                prune(recent, now);
                recent.addLast(now);
            }
        }
    }

    /** A correct password forgets that email's failures (not the address's: one good account must not buy guesses). */
    public void succeeded(String email) {
        failures.remove("e:" + email);
    }

    private long wait(String key, Rule rule, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) return 0;
        synchronized (recent) {
            prune(recent, now);
            if (recent.isEmpty()) return 0;
            long due = recent.peekLast().toEpochMilli() + rule.waitMillis(recent.size());
            return Math.max(0, due - now.toEpochMilli());
        }
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) recent.removeFirst();
    }
}
