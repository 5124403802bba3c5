package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each socket's idle timer goes to Circle's plain executor in the real Payara, not to the
 * container's managed one (whose every submission scans the class path: docs/performance.md), and
 * with the idle timeout off it is not even queued. The executor says so in the log the first time
 * Tyrus hands it an idle timer, so that line after a socket's frames proves that Tyrus used it;
 * and its thread, which only a queued timer would start, is not there.
 */
@ExtendWith(CircleServer.class)
class IdleTimerIT {

    @Test
    void tyrusArmsEachSocketsIdleTimerOnThePlainExecutorWhichQueuesNothing(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        try (Ws f = s.connect(s.facilitatorTicket())) {
            f.call("hand.lower"); // a frame each way after the welcome; its answer does not matter here
            assertTrue(circle.process().log().contains("idle timers are off"), "Tyrus handed its idle timer to the plain executor");
            String threads = circle.process().threadDump();
            assertFalse(threads.contains("\"circle-idle-timers\""), "no timer was queued: " + threads.lines().filter(l -> l.startsWith("\"")).toList());
        }
    }
}
