package org.circle.session;

/** Microphones and cameras, mode and lock, messages to the waiting room, media relay. */
final class Controls {

    private final LiveSession s;

    Controls(LiveSession s) { this.s = s; }

    void selfMedia(Command.SelfMedia c) {
        if (c.audio() == null && c.video() == null) throw Check.bad("audio or video is required");
        Person p = s.person(c.actor());
        // A waiting person's camera and microphone reach nobody; were they recorded as on, the
        // person would arrive heard in a moderated session without ever holding the floor.
        if (!p.admitted() && (Boolean.TRUE.equals(c.audio()) || Boolean.TRUE.equals(c.video()))) {
            throw Check.refuse(ErrorCode.NOT_ADMITTED, "You are still in the waiting room: turn your camera and microphone on once you are admitted.");
        }
        if (Boolean.TRUE.equals(c.audio()) && !p.audio && !p.facilitator()
                && s.mode == Mode.MODERATED && !s.floor.heldBy(p.id)) {
            throw Check.refuse(ErrorCode.NOT_YOUR_TURN, "The group is moderated: you can speak when you have the floor.");
        }
        if (c.audio() != null) p.audio = c.audio();
        if (c.video() != null) p.video = c.video();
    }

    /** Facilitators share at any time; anyone else only while they hold the floor. Stopping is always allowed. */
    void shareScreen(Command.ShareScreen c) {
        Person p = s.person(c.actor());
        if (!c.on()) {
            p.screen = false;
            return;
        }
        if (!p.admitted()) throw Check.refuse(ErrorCode.NOT_ADMITTED, "You are still in the waiting room.");
        if (!mayShare(p)) throw Check.refuse(ErrorCode.NOT_YOUR_TURN, "You can share your screen while you have the floor.");
        p.screen = true;
    }

    /**
     * Whoever may no longer share (lost the floor, left, sent back, the session ended) stops: checked after
     * every command, so no way of losing the floor can forget it.
     */
    void endSharesNoLongerAllowed() {
        for (Person p : s.people.values()) if (p.screen && !mayShare(p)) p.screen = false;
    }

    private boolean mayShare(Person p) {
        return p.admitted() && !s.ended() && (p.facilitator() || s.floor.heldBy(p.id));
    }

    void mute(Command.Mute c, Changes changes) {
        Person p = s.admittedPerson(c.participant(), "participant");
        p.audio = false;
        changes.toAdmitted(new Event.Muted(p.id, c.actor()));
    }

    void muteAll(Command.MuteAll c, Changes changes) {
        for (Person p : s.people.values()) {
            if (p.admitted() && !p.facilitator()) {
                p.audio = false;
                changes.toAdmitted(new Event.Muted(p.id, c.actor()));
            }
        }
    }

    void requestUnmute(Command.RequestUnmute c, Changes changes) {
        Person p = s.admittedPerson(c.participant(), "participant");
        changes.toOne(p.id, new Event.UnmuteRequested(c.actor()));
    }

    void setMode(Command.SetMode c, Changes changes) {
        Mode mode = Mode.fromWire(c.mode()).orElseThrow(() -> Check.bad("mode must be open or moderated"));
        if (mode == s.mode) return;
        s.mode = mode;
        if (mode == Mode.MODERATED) {
            for (Person p : s.people.values()) {
                if (p.admitted() && !p.facilitator() && p.audio && !s.floor.heldBy(p.id)) {
                    p.audio = false;
                    changes.toAdmitted(new Event.Muted(p.id, c.actor()));
                }
            }
        }
    }

    void lock(Command.Lock c) {
        s.locked = c.locked();
    }

    void messageWaiting(Command.MessageWaiting c, Changes changes) {
        String text = Check.text(c.text(), "text");
        if (c.participant() == null) {
            changes.toWaiting(new Event.Waiting(text));
            return;
        }
        Check.id(c.participant(), "participant");
        Person p = s.person(c.participant());
        if (p == null || !p.waiting()) throw Check.refuse(ErrorCode.UNKNOWN_PARTICIPANT, "Nobody by that id is waiting.");
        changes.toOne(p.id, new Event.Waiting(text));
    }
}

