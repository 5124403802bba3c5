package org.circle.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.circle.account.control.LoginThrottle;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final Instant t0 = Instant.parse("2026-11-22T18:00:00Z");

    @Test
    void failuresForOneEmailGrowADelayThatNeverPassesTenSeconds() {
        LoginThrottle throttle = new LoginThrottle();
        Instant now = t0;
        long longest = 0;
        for (int i = 0; i < 200; i++) {
            String stranger = "203.0.113." + (i % 250); // many places, one email
            long wait = throttle.retryAfter("lead@b.c", stranger, now);
            longest = Math.max(longest, wait);
            now = now.plusSeconds(wait);
            throttle.failed("lead@b.c", stranger, now);
        }
        assertEquals(10, longest, "the delay grows to its cap and stays there");
        long herWait = throttle.retryAfter("lead@b.c", "198.51.100.2", now);
        assertTrue(herWait > 0 && herWait <= 10, "the facilitator waits at most 10 s, not 15 minutes: " + herWait);
        assertEquals(0, throttle.retryAfter("lead@b.c", "198.51.100.2", now.plusSeconds(herWait)), "then her attempt goes through");
        assertEquals(0, throttle.retryAfter("other@b.c", "198.51.100.2", now), "other emails are free");
    }

    @Test
    void theDelayGrowsByDoubling() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 3; i++) throttle.failed("a@b.c", "192.0.2." + i, t0);
        assertEquals(1, throttle.retryAfter("a@b.c", "192.0.2.9", t0));
        throttle.failed("a@b.c", "192.0.2.9", t0);
        assertEquals(2, throttle.retryAfter("a@b.c", "192.0.2.9", t0));
        throttle.failed("a@b.c", "192.0.2.9", t0);
        assertEquals(4, throttle.retryAfter("a@b.c", "192.0.2.9", t0));
        assertEquals(0, throttle.retryAfter("a@b.c", "192.0.2.9", t0.plus(Duration.ofMinutes(15)).plusSeconds(1)), "the window passed");
    }

    @Test
    void oneAddressTryingManyEmailsWaitsUpToAMinute() {
        LoginThrottle throttle = new LoginThrottle();
        Instant now = t0;
        int tried = 0;
        while (now.isBefore(t0.plusSeconds(20))) {
            long wait = throttle.retryAfter("guess" + tried + "@b.c", "203.0.113.7", now);
            if (wait > 0) {
                now = now.plusMillis(100);
                continue;
            }
            throttle.failed("guess" + tried + "@b.c", "203.0.113.7", now);
            tried++;
        }
        assertTrue(tried <= 15, "418 emails in 20 s became " + tried);
        assertEquals(0, throttle.retryAfter("lead@b.c", "198.51.100.2", now), "someone else is not slowed");
    }

    @Test
    void aCrowdIsSlowedForEveryoneByAFewSecondsAtMost() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 400; i++) throttle.failed("guess" + i + "@b.c", "10.0." + (i / 250) + "." + (i % 250), t0);
        long wait = throttle.retryAfter("lead@b.c", "198.51.100.2", t0);
        assertTrue(wait > 0 && wait <= 5, "wait " + wait);
    }

    @Test
    void successForgetsTheEmailsFailures() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 4; i++) throttle.failed("a@b.c", "192.0.2.1", t0);
        throttle.succeeded("a@b.c");
        assertEquals(0, throttle.retryAfter("a@b.c", "192.0.2.1", t0));
    }
}
