package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each socket's idle timer runs on Circle's plain executor in the real Payara, not on the
 * container's managed one (whose every submission scans the class path: docs/performance.md).
 * The plain executor makes its thread when Tyrus first arms a timer on it, so the thread being
 * there after a socket's frames proves that Tyrus used it.
 */
@ExtendWith(CircleServer.class)
class IdleTimerIT {

    @Test
    void tyrusArmsEachSocketsIdleTimerOnThePlainExecutor(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        try (Ws f = s.connect(s.facilitatorTicket())) {
            f.call("hand.lower"); // a frame each way after the welcome; its answer does not matter here
            String threads = circle.process().threadDump();
            assertTrue(threads.contains("\"circle-idle-timers\""), "a thread of the plain executor: " + threads.lines().filter(l -> l.startsWith("\"")).toList());
        }
    }
}
