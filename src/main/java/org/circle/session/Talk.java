package org.circle.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * Talk time: how long each person was heard, from the {@code speaking} frames their own browser
 * sends when its voice activity starts and stops. Only time in which the group could hear them
 * counts: a stretch ends when they stop, and also the moment they are muted, drop, leave or the
 * session ends, so a browser that never says "stopped" cannot inflate anyone's share. For
 * facilitators only, so that they notice who has gone quiet.
 */
final class Talk {

    private final LiveSession s;

    Talk(LiveSession s) { this.s = s; }

    void speaking(Command.Speaking c, Instant now) {
        Person p = s.person(c.actor());
        if (!p.admitted()) throw Check.refuse(ErrorCode.NOT_ADMITTED, "You are still in the waiting room.");
        if (!c.active()) {
            stop(p, now);
        } else if (p.speakingSince == null && heard(p)) {
            p.speakingSince = now;
        }
        // "Speaking" while muted or already speaking changes nothing: the browser's voice
        // detection may run a moment ahead of a mute it has not heard of yet.
    }

    /** Ends every stretch the group can no longer hear; runs after every command. */
    void settle(Instant now) {
        for (Person p : s.people.values()) {
            if (p.speakingSince != null && !heard(p)) stop(p, now);
        }
    }

    private boolean heard(Person p) {
        return p.admitted() && p.audio && p.connected && !s.ended();
    }

    private static void stop(Person p, Instant now) {
        if (p.speakingSince == null) return;
        p.speakingMillis += Math.max(0, Duration.between(p.speakingSince, now).toMillis());
        p.speakingSince = null;
    }

    /** Facilitators' view: every admitted person's talk and floor time so far (whole seconds) and who is speaking now. */
    Event.TalkTime event() {
        return new Event.TalkTime(s.people.values().stream().filter(Person::admitted)
                .sorted(Comparator.comparingLong(p -> p.admissionOrder))
                .map(p -> new Event.TalkEntry(p.id, p.speakingSince != null, p.speakingMillis / 1000, p.floorMillis / 1000))
                .toList());
    }
}
