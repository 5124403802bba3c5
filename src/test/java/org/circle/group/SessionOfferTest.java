package org.circle.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.circle.group.control.SessionOffer;
import org.circle.group.entity.ScheduledSession;
import org.circle.session.MediaKind;
import org.circle.session.SessionState;
import org.junit.jupiter.api.Test;

class SessionOfferTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private static ScheduledSession at(String id, Duration fromNow, int minutes, String state) {
        ScheduledSession s = new ScheduledSession(id, "g", id, NOW.plus(fromNow), minutes, MediaKind.MESH, 120, NOW.minus(Duration.ofDays(30)));
        if (state.equals("cancelled")) s.cancel();
        else s.state(SessionState.fromWire(state).orElseThrow());
        return s;
    }

    private static List<String> ids(List<ScheduledSession> sessions) { return sessions.stream().map(ScheduledSession::id).toList(); }

    @Test
    void theWaitingRoomOpensFifteenMinutesBeforeAndClosesAtThePlannedEnd() {
        assertFalse(at("a", Duration.ofMinutes(16), 60, "scheduled").joinable(NOW));
        assertTrue(at("a", Duration.ofMinutes(15), 60, "scheduled").joinable(NOW));
        assertTrue(at("a", Duration.ofMinutes(-59), 60, "scheduled").joinable(NOW));
        assertFalse(at("a", Duration.ofMinutes(-60), 60, "scheduled").joinable(NOW), "planned end passed, nobody started it");
        assertTrue(at("a", Duration.ofMinutes(-600), 60, "live").joinable(NOW), "running over time");
        assertTrue(at("a", Duration.ofDays(3), 60, "open").joinable(NOW), "a facilitator started it early");
        assertFalse(at("a", Duration.ZERO, 60, "cancelled").joinable(NOW));
        assertFalse(at("a", Duration.ZERO, 60, "ended").joinable(NOW));
    }

    @Test
    void whatCanBeJoinedComesFirstThenWhatIsToComeThenWhatWasCancelled() {
        var offered = SessionOffer.forMember(List.of(
                at("skipped", Duration.ofDays(-7), 90, "scheduled"),
                at("ended", Duration.ofDays(-1), 90, "ended"),
                at("cancelled", Duration.ofDays(2), 90, "cancelled"),
                at("next-week", Duration.ofDays(7), 90, "scheduled"),
                at("tomorrow", Duration.ofDays(1), 90, "scheduled"),
                at("running-late", Duration.ofHours(-3), 90, "live"),
                at("soon", Duration.ofMinutes(10), 90, "scheduled")), NOW);
        assertEquals(List.of("running-late", "soon", "tomorrow", "next-week", "cancelled"), ids(offered));
    }
}
