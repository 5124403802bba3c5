package org.circle.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group's care settings. A group without a row has the defaults: no check-in, no crisis text, 120 s of grace. */
@Entity
@Table(name = "group_care")
public class CareSettings {

    public static final int DEFAULT_GRACE_SECONDS = 120;

    @Id
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "check_in")
    private String checkIn;
    @Column(name = "crisis_text")
    private String crisisText;
    @Column(name = "facilitator_grace_seconds")
    private int facilitatorGraceSeconds;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CareSettings() { }

    public CareSettings(String groupId) {
        this.groupId = groupId;
        this.checkIn = CheckInMode.OFF.wire();
        this.facilitatorGraceSeconds = DEFAULT_GRACE_SECONDS;
    }

    public void change(CheckInMode mode, String crisis, Integer graceSeconds, boolean crisisGiven, Instant now) {
        if (mode != null) checkIn = mode.wire();
        if (crisisGiven) crisisText = crisis == null || crisis.isEmpty() ? null : crisis;
        if (graceSeconds != null) facilitatorGraceSeconds = graceSeconds;
        updatedAt = now;
    }

    public String groupId() { return groupId; }
    public CheckInMode checkIn() { return CheckInMode.fromWire(checkIn).orElse(CheckInMode.OFF); }
    public String crisisText() { return crisisText; }
    public int facilitatorGraceSeconds() { return facilitatorGraceSeconds; }
}
