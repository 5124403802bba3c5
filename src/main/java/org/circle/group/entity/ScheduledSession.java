package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.circle.session.MediaKind;
import org.circle.session.SessionState;

/** A meeting of a group on the calendar: scheduled, then open, live, and finally ended. */
@Entity
@Table(name = "scheduled_session")
@NamedQuery(name = "ScheduledSession.ofGroup", query = "SELECT s FROM ScheduledSession s WHERE s.groupId = :group ORDER BY s.startsAt")
@NamedQuery(name = "ScheduledSession.upcoming", query = "SELECT s FROM ScheduledSession s WHERE s.groupId = :group AND s.state <> 'ended' ORDER BY s.startsAt")
public class ScheduledSession {

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
    public String state() { return state; }
    public boolean locked() { return locked; }
    public boolean ended() { return SessionState.ENDED.wire().equals(state); }

    public void state(SessionState state) { this.state = state.wire(); }
    public void locked(boolean locked) { this.locked = locked; }
}
