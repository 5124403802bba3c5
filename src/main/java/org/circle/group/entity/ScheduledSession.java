package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.circle.session.MediaKind;
import org.circle.session.SessionState;

/** A meeting of a group on the calendar: scheduled, then open, live, and finally ended; or cancelled before it ran. */
@Entity
@Table(name = "scheduled_session")
@NamedQuery(name = "ScheduledSession.ofGroup", query = "SELECT s FROM ScheduledSession s WHERE s.groupId = :group ORDER BY s.startsAt")
@NamedQuery(name = "ScheduledSession.upcoming", query = "SELECT s FROM ScheduledSession s WHERE s.groupId = :group AND s.state <> 'ended' ORDER BY s.startsAt")
public class ScheduledSession {

    /** How long before the start members may come into the waiting room. */
    public static final Duration WAITING_ROOM = Duration.ofMinutes(15);

    @Id
    private String id;
    @Column(name = "group_id")
    private String groupId;
    private String title;
    @Column(name = "starts_at")
    private Instant startsAt;
    private int minutes;
    private String media;
    @Column(name = "turn_seconds")
    private int turnSeconds;
    private String state;
    private boolean locked;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ScheduledSession() { }

    public ScheduledSession(String id, String groupId, String title, Instant startsAt, int minutes, MediaKind media,
                            int turnSeconds, Instant createdAt) {
        this.id = id;
        this.groupId = groupId;
        this.title = title;
        this.startsAt = startsAt;
        this.minutes = minutes;
        this.media = media.wire();
        this.turnSeconds = turnSeconds;
        this.state = SessionState.SCHEDULED.wire();
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String groupId() { return groupId; }
    public String title() { return title; }
    public Instant startsAt() { return startsAt; }
    public int minutes() { return minutes; }
    public MediaKind media() { return MediaKind.fromWire(media).orElse(MediaKind.MESH); }
    public int turnSeconds() { return turnSeconds; }
    public SessionState state() { return SessionState.fromWire(state).orElseThrow(); }
    public boolean locked() { return locked; }
    public boolean ended() { return state() == SessionState.ENDED; }
    public boolean cancelled() { return state() == SessionState.CANCELLED; }
    /** A facilitator or a member is in it: the live session has opened. */
    public boolean running() { return state() == SessionState.OPEN || state() == SessionState.LIVE; }

    /** When the waiting room opens: {@link #WAITING_ROOM} before the start. */
    public Instant opensAt() { return startsAt.minus(WAITING_ROOM); }
    public Instant endsAt() { return startsAt.plus(Duration.ofMinutes(minutes)); }

    /**
     * May a member come in now? From the opening of the waiting room to the planned end; once it
     * is running, until it ends, however late that is.
     */
    public boolean joinable(Instant now) {
        if (running()) return true;
        return state() == SessionState.SCHEDULED && !now.isBefore(opensAt()) && now.isBefore(endsAt());
    }

    public void state(SessionState state) { this.state = state.wire(); }
    public void locked(boolean locked) { this.locked = locked; }

    /** A facilitator's correction of the plan; only while nobody is in it yet (see Sessions#edit). */
    public void replan(String title, Instant startsAt, int minutes, MediaKind media, int turnSeconds) {
        this.title = title;
        this.startsAt = startsAt;
        this.minutes = minutes;
        this.media = media.wire();
        this.turnSeconds = turnSeconds;
    }

    /** Cancelled is the calendar's word, not the live session's: it never ran. */
    public void cancel() { this.state = SessionState.CANCELLED.wire(); }
}
