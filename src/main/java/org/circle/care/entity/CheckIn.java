package org.circle.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A member's safety check-in for one session, as stored: location, phone and emergency contact
 * are sealed values (see DataSeal), never plaintext.
 */
@Entity
@Table(name = "check_in")
@NamedQuery(name = "CheckIn.ofSession", query = "SELECT c FROM CheckIn c WHERE c.sessionId = :session ORDER BY c.checkedInAt")
@NamedQuery(name = "CheckIn.ofMember", query = "SELECT c FROM CheckIn c WHERE c.sessionId = :session AND c.memberId = :member")
@NamedQuery(name = "CheckIn.deleteOfMember", query = "DELETE FROM CheckIn c WHERE c.sessionId = :session AND c.memberId = :member")
@NamedQuery(name = "CheckIn.deleteBefore", query = "DELETE FROM CheckIn c WHERE c.checkedInAt < :before")
public class CheckIn {

    @Id
    private String id;
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "member_id")
    private String memberId;
    private String location;
    private String phone;
    @Column(name = "emergency_contact")
    private String emergencyContact;
    @Column(name = "private_space")
    private boolean privateSpace;
    @Column(name = "goal_review")
    private String goalReview;
    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    protected CheckIn() { }

    public CheckIn(String id, String sessionId, String memberId, Sealed sealed, boolean privateSpace, String goalReview, Instant at) {
        this.id = id;
        this.sessionId = sessionId;
        this.memberId = memberId;
        this.location = sealed.location();
        this.phone = sealed.phone();
        this.emergencyContact = sealed.emergencyContact();
        this.privateSpace = privateSpace;
        this.goalReview = goalReview;
        this.checkedInAt = at;
    }

    /** The three sealed values of a check-in. */
    public record Sealed(String location, String phone, String emergencyContact) { }

    public String id() { return id; }
    public String sessionId() { return sessionId; }
    public String memberId() { return memberId; }
    public Sealed sealed() { return new Sealed(location, phone, emergencyContact); }
    public boolean privateSpace() { return privateSpace; }
    public String goalReview() { return goalReview; }
    public Instant checkedInAt() { return checkedInAt; }
}
