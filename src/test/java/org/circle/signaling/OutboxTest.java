package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.circle.signaling.control.Outbox;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** A socket whose writes complete only when the test says so. */
    private final List<String> written = new ArrayList<>();
    private final List<Consumer<Throwable>> inFlight = new ArrayList<>();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    private Outbox outbox(int limit) {
        return new Outbox((frame, done) -> {
            written.add(frame);
            inFlight.add(done);
        }, () -> overflowed.set(true), limit);
    }

    private void completeOne() {
        inFlight.remove(0).accept(null);
    }

    @Test
    void framesAreWrittenOneAtATimeInOrder() {
        Outbox box = outbox(10);
        box.send("a");
        box.send("b");
        box.send("c");
        assertEquals(List.of("a"), written, "only one write in flight");
        completeOne();
        completeOne();
        completeOne();
        assertEquals(List.of("a", "b", "c"), written);
        assertEquals(0, box.pending());
    }

    @Test
    void aClientThatCannotKeepUpIsClosedNotWaitedFor() {
        Outbox box = outbox(3);
        for (int i = 0; i < 4; i++) box.send("f" + i);
        assertFalse(overflowed.get());
        box.send("one too many");
        assertTrue(overflowed.get());
        completeOne();
        box.send("after");
        assertEquals(List.of("f0"), written, "nothing more is written once closed");
    }

    @Test
    void aFailedWriteStopsTheOutbox() {
        Outbox box = outbox(10);
        box.send("a");
        box.send("b");
        inFlight.remove(0).accept(new RuntimeException("broken pipe"));
        assertEquals(List.of("a"), written);
        box.send("c");
        assertEquals(List.of("a"), written);
    }
}
