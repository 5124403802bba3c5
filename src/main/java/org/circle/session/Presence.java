package org.circle.session;

import java.time.Instant;

/**
 * Whether a facilitator is there, and what happens when none is: after the group's grace period
 * with no facilitator connected, nobody stays in the room unattended; they wait, told why, and a
 * facilitator admits them again as usual. (The follow-up on a participant who dropped is
 * SupportRequests'.)
 */
final class Presence {

    static final String UNATTENDED = Event.Waiting.UNATTENDED;

    private final LiveSession s;

    Presence(LiveSession s) { this.s = s; }

    /** Whether some facilitator is admitted and connected right now. */
    boolean facilitatorPresent() {
        for (Person p : s.people.values()) if (p.facilitator() && p.admitted() && p.connected) return true;
        return false;
    }

    /**
     * Notes, after every command, when the last facilitator went away (and starts the grace watch)
     * or that one is back. A session nobody has facilitated yet has nobody in its room to protect.
     */
    void update(Command command, Instant now, Changes changes) {
        if (s.ended() || s.state == SessionState.OPEN) {
            s.facilitatorsAwaySince = null;
            return;
        }
        boolean present = facilitatorPresent();
        if (present) {
            s.facilitatorsAwaySince = null;
        } else if (s.facilitatorsAwaySince == null) {
            s.facilitatorsAwaySince = now;
            changes.effect(new Effect.Watch(WatchKind.FACILITATOR_GRACE, null, now));
        } else if (command instanceof Command.Restarted) {
            // Timers died with the old process; the grace still counts from when they went away.
            changes.effect(new Effect.Watch(WatchKind.FACILITATOR_GRACE, null, s.facilitatorsAwaySince));
        }
    }

    void watchOver(Command.WatchOver c, Instant now, Changes changes) {
        if (c.kind() == null || c.since() == null || s.ended()) return;
        if (c.kind() == WatchKind.FACILITATOR_GRACE) graceOver(c.since(), now, changes);
    }

    private void graceOver(Instant since, Instant now, Changes changes) {
        // A facilitator who came back (and perhaps went again) ended that watch; a newer one runs.
        if (!since.equals(s.facilitatorsAwaySince) || facilitatorPresent()) return;
        for (Person p : s.people.values()) {
            if (p.admitted() && !p.facilitator()) s.admission().backToWaiting(p, now, changes, UNATTENDED);
        }
    }
}
