package org.circle.signaling.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor Tyrus's idle timers get: a timer for a timeout of zero is never queued; anything else runs. */
class PlainIdleTimerTest {

    /** Named as Tyrus names its idle timer ({@code TyrusSession$IdleTimeoutCommand}). */
    static final class IdleTimeoutCommand implements Runnable {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch ran = new CountDownLatch(1);

        @Override public void run() {
            runs.incrementAndGet();
            ran.countDown();
        }
    }

    private final PlainIdleTimer.Plain executor = new PlainIdleTimer.Plain(Thread::new);

    @AfterEach
    void stop() { executor.shutdownNow(); }

    @Test
    void anIdleTimerForATimeoutOfZeroIsAnsweredAsDoneWithoutAThreadOrAQueue() throws Exception {
        IdleTimeoutCommand idle = new IdleTimeoutCommand();
        for (int frame = 0; frame < 1000; frame++) {
            ScheduledFuture<?> timer = executor.schedule(idle, 0, TimeUnit.MILLISECONDS);
            assertTrue(timer.isDone());
            assertFalse(timer.cancel(true), "cancelling it (Tyrus does, at the next frame) changes nothing");
        }
        assertEquals(0, executor.getQueue().size());
        assertEquals(0, executor.getPoolSize(), "no thread was woken, or even made");
        assertFalse(idle.ran.await(100, TimeUnit.MILLISECONDS));
        assertEquals(0, idle.runs.get());
    }

    @Test
    void anIdleTimerForARealTimeoutStillFires() throws Exception {
        IdleTimeoutCommand idle = new IdleTimeoutCommand();
        executor.schedule(idle, 20, TimeUnit.MILLISECONDS);
        assertTrue(idle.ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void anyOtherTaskRunsEvenWithoutADelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        executor.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }
}
