package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.circle.signaling.control.RateLimit;
import org.circle.signaling.control.RateLimit.Verdict;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToCapacityPassesThenFramesAreRefused() {
        RateLimit limit = new RateLimit(10, 5, 3, 0);
        for (int i = 0; i < 10; i++) assertEquals(Verdict.ALLOW, limit.take(0));
        assertEquals(Verdict.REFUSE, limit.take(0));
    }

    @Test
    void theBucketRefillsOverTime() {
        RateLimit limit = new RateLimit(10, 5, 3, 0);
        for (int i = 0; i < 10; i++) limit.take(0);
        assertEquals(Verdict.REFUSE, limit.take(0));
        assertEquals(Verdict.ALLOW, limit.take(SECOND / 5));
        int allowed = 0;
        for (int i = 0; i < 20; i++) if (limit.take(3 * SECOND) == Verdict.ALLOW) allowed++;
        assertEquals(10, allowed, "refill never exceeds capacity");
    }

    @Test
    void persistentAbuseCloses() {
        RateLimit limit = new RateLimit(1, 1, 3, 0);
        assertEquals(Verdict.ALLOW, limit.take(0));
        assertEquals(Verdict.REFUSE, limit.take(0));
        assertEquals(Verdict.REFUSE, limit.take(0));
        assertEquals(Verdict.REFUSE, limit.take(0));
        assertEquals(Verdict.CLOSE, limit.take(0));
    }

    @Test
    void aFloodTheRefillHalfFeedsStillCloses() {
        RateLimit limit = new RateLimit(10, 10, 20, 0);
        int closedAt = -1;
        for (int i = 0; i < 200 && closedAt < 0; i++) {
            if (limit.take(i * (SECOND / 50)) == Verdict.CLOSE) closedAt = i;
        }
        assertTrue(closedAt > 0, "50 frames a second against 10 allowed is abuse");
    }

    @Test
    void calmingDownForgivesPastRefusals() {
        RateLimit limit = new RateLimit(2, 1, 2, 0);
        limit.take(0);
        limit.take(0);
        assertEquals(Verdict.REFUSE, limit.take(0));
        assertEquals(Verdict.REFUSE, limit.take(0));
        assertEquals(Verdict.ALLOW, limit.take(2 * SECOND), "the bucket is full again");
        assertEquals(Verdict.ALLOW, limit.take(2 * SECOND));
        assertEquals(Verdict.REFUSE, limit.take(2 * SECOND));
        assertEquals(Verdict.REFUSE, limit.take(2 * SECOND));
        assertEquals(Verdict.CLOSE, limit.take(2 * SECOND));
    }
}
