package org.circle.session;

import java.time.Instant;

/**
 * Carrying on after the server stopped. Every connection went with the old process, so everyone
 * still in the session is away from now on and has the usual grace period to come back, keeping
 * their place, hand, floor and round place; whoever does not come back left when the server was
 * last known to be running, not when the grace ran out. Timers died with the process too.
 */
final class Recovery {

    private final LiveSession s;

    Recovery(LiveSession s) { this.s = s; }

    void restarted(Command.Restarted c, Instant now, Changes changes) {
        if (s.ended()) return;
        Instant lastAlive = c.lastAlive() == null || c.lastAlive().isAfter(now) ? now : c.lastAlive();
        for (Person p : s.people.values()) {
            if (!p.status.present()) continue;
            Instant lost = p.connected || p.disconnectedAt == null || p.disconnectedAt.isAfter(lastAlive) ? lastAlive : p.disconnectedAt;
            p.lostAt = p.lostAt == null ? lost : p.lostAt;
            p.connected = false;
            p.disconnectedAt = now;
            changes.effect(new Effect.ScheduleTimer(now.plus(Admission.GRACE), new Command.GraceExpired(p.id)));
        }
        Floor floor = s.floor;
        if (floor.holder != null && floor.endsAt != null && !floor.expired) {
            changes.effect(new Effect.ScheduleTimer(floor.endsAt, new Command.FloorTimeUp(floor.holder, floor.endsAt)));
        }
    }
}
