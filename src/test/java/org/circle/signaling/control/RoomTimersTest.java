package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.circle.session.Command;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.Role;
import org.circle.session.SessionInfo;
import org.junit.jupiter.api.Test;

/**
 * A room's timers never come early: the executor that runs them and the clock the session reads
 * may disagree by a fraction of a millisecond, and a grace period that ended a hair early was
 * taken by the core for a stale timer, so the person who dropped never counted as gone and the
 * facilitators were never told.
 */
class RoomTimersTest {

    private final Backstage backstage = new Backstage();
    private final Room room = new Room(new LiveSession(new SessionInfo("s1", "Tuesday group", MediaKind.MESH, 120, Backstage.T0)),
            backstage.surroundings());

    private FakeSocket joined(Command.Join join) {
        FakeSocket c = new FakeSocket(join.participantId());
        assertEquals(Optional.empty(), room.join(c.connection, new Hello.Arrival(join)));
        backstage.writeAll();
        return c;
    }

    @Test
    void aGracePeriodThatEndsAHairEarlyWaitsOutTheRestAndIsNotLost() {
        FakeSocket f = joined(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true));
        FakeSocket a = joined(new Command.Join("A", "m-A", "Ann", Role.PARTICIPANT, true));
        room.apply(new Command.Admit("F", "A"), Answer.NOBODY);
        backstage.writeAll();
        backstage.now = Backstage.T0.plusNanos(300_000); // the drop is noticed 0.3 ms into the millisecond
        room.leave(a.connection);
        assertEquals(1, backstage.timers.size());
        assertEquals(60_000, backstage.timers.get(0).delayMillis(), "rounded up, never down");

        backstage.now = Backstage.T0.plusSeconds(60).plusNanos(100_000); // the executor's 60 s end 0.2 ms early by the session's clock
        backstage.timers.get(0).task().run();
        assertFalse(f.types().contains("participant.dropped"), "not yet");
        assertEquals(2, backstage.timers.size(), "it waits out the rest");
        assertEquals(1, backstage.timers.get(1).delayMillis());

        backstage.now = Backstage.T0.plusSeconds(60).plusNanos(300_000);
        backstage.timers.get(1).task().run();
        backstage.writeAll();
        assertTrue(f.types().contains("participant.dropped"), "the facilitator is told: " + f.types());
    }
}
