package org.circle.session;

import java.time.Instant;

/** One person in the session, as the core keeps them. Mutable; never leaves the package. */
final class Person {
    final String id;
    final String memberId;
    final String displayName;
    /** The name the facilitator gave the member, for facilitators' eyes only; null for facilitators. */
    final String memberName;
    final Role role;
    Status status;
    boolean audio;
    boolean video;
    /** Sharing their screen now. Not saved: a share does not outlive the media it travels on. */
    boolean screen;
    boolean connected = true;
    Instant disconnectedAt;
    /** When the server last knew them connected, if a restart lost their connection: their stint ends there if they do not come back. */
    Instant lostAt;
    boolean consentComplete;
    Instant waitingSince;
    Instant admittedAt;
    Instant leftAt;
    long admissionOrder;
    long floorMillis;
    int turns;
    /** Talk time: the stretches already over, and since when they are speaking now (null while silent). */
    long speakingMillis;
    Instant speakingSince;
    boolean endedWhilePresent;
    /** Which time this person has come to the session: attendance keeps one row per stint. */
    int stint = 1;
    /**
     * Arrived with a fresh ticket while this member was admitted on another device: it waits like
     * any arrival, and only once admitted does it become the member's device (the other is closed).
     */
    boolean secondDevice;

    Person(String id, String memberId, String displayName, String memberName, Role role, boolean consentComplete) {
        this.id = id;
        this.memberId = memberId;
        this.displayName = displayName;
        this.memberName = memberName;
        this.role = role;
        this.consentComplete = consentComplete;
    }

    boolean admitted() { return status == Status.ADMITTED; }
    boolean waiting() { return status == Status.WAITING; }
    boolean facilitator() { return role == Role.FACILITATOR; }

    /** Coming back after leaving (or being turned away): a new stint, counted from zero. */
    void returns() {
        stint++;
        waitingSince = null;
        admittedAt = null;
        leftAt = null;
        floorMillis = 0;
        turns = 0;
        speakingMillis = 0;
        speakingSince = null;
        endedWhilePresent = false;
    }

    ParticipantView view() {
        return new ParticipantView(id, memberId, displayName, role, status, audio, video, connected, admittedAt);
    }

    AttendanceRow attendance() {
        String outcome = endedWhilePresent ? "ended" : status.wire();
        return new AttendanceRow(id, stint, memberId, displayName, role, waitingSince, admittedAt, leftAt, outcome,
                floorMillis / 1000, turns, speakingMillis / 1000);
    }

    @Override
    public String toString() {
        return id + "[" + status + (connected ? "" : ",away") + (audio ? ",a" : "") + (video ? ",v" : "") + (screen ? ",scr" : "")
                + (consentComplete ? ",c" : "") + (secondDevice ? ",2nd" : "") + ",f" + floorMillis + ",t" + turns
                + ",s" + speakingMillis + (speakingSince == null ? "" : "@" + speakingSince) + "]";
    }
}
