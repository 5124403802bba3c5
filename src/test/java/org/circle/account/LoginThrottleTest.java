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
    void fiveFailuresRefuseTheSixthUntilTheWindowPasses() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, throttle.retryAfter("a@b.c", t0.plusSeconds(i)));
            throttle.failed("a@b.c", t0.plusSeconds(i));
        }
        long wait = throttle.retryAfter("a@b.c", t0.plusSeconds(10));
        assertTrue(wait > 0 && wait <= Duration.ofMinutes(15).toSeconds(), "wait " + wait);
        assertEquals(0, throttle.retryAfter("other@b.c", t0.plusSeconds(10)), "other emails are free");
        assertEquals(0, throttle.retryAfter("a@b.c", t0.plus(Duration.ofMinutes(15)).plusSeconds(1)), "the window passed");
    }

    @Test
    void successForgetsFailures() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 4; i++) throttle.failed("a@b.c", t0);
        throttle.succeeded("a@b.c");
        throttle.failed("a@b.c", t0);
        assertEquals(0, throttle.retryAfter("a@b.c", t0));
    }
}
