package org.circle.attendance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.circle.session.AttendanceRow;

@Entity
@Table(name = "attendance_stint")
@IdClass(AttendanceEntry.Key.class)
@NamedQuery(name = "AttendanceEntry.ofSession", query = "SELECT a FROM AttendanceEntry a WHERE a.sessionId = :session ORDER BY a.waitingSince, a.participantId, a.stint")
public class AttendanceEntry {

    public record Key(String sessionId, String participantId, int stint) implements Serializable {
        public Key() { this(null, null, 0); }
    }

    @Id
    @Column(name = "session_id")
    private String sessionId;
    @Id
    @Column(name = "participant_id")
    private String participantId;
    @Id
    private int stint;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "display_name")
    private String displayName;
    private String role;
    @Column(name = "waiting_since")
    private Instant waitingSince;
    @Column(name = "admitted_at")
    private Instant admittedAt;
    @Column(name = "left_at")
    private Instant leftAt;
    private String outcome;
    @Column(name = "floor_seconds")
    private long floorSeconds;
    private int turns;
    @Column(name = "speaking_seconds")
    private long speakingSeconds;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AttendanceEntry() { }

    public AttendanceEntry(String sessionId, String participantId, int stint) {
        this.sessionId = sessionId;
        this.participantId = participantId;
        this.stint = stint;
    }

    public void update(AttendanceRow row, Instant now) {
        memberId = row.memberId();
        displayName = row.displayName();
        role = row.role().wire();
        waitingSince = row.waitingSince();
        admittedAt = row.admittedAt();
        leftAt = row.leftAt();
        outcome = row.outcome();
        floorSeconds = row.floorSeconds();
        turns = row.turns();
        speakingSeconds = row.speakingSeconds();
        updatedAt = now;
    }

    public String participantId() { return participantId; }
    public int stint() { return stint; }
    public String memberId() { return memberId; }
    public String displayName() { return displayName; }
    public String role() { return role; }
    public Instant waitingSince() { return waitingSince; }
    public Instant admittedAt() { return admittedAt; }
    public Instant leftAt() { return leftAt; }
    public String outcome() { return outcome; }
    public long floorSeconds() { return floorSeconds; }
    public int turns() { return turns; }
    public long speakingSeconds() { return speakingSeconds; }
}
