package org.circle.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's check-out after a session: the ratings in the clear, their comment and goal sealed. */
@Entity
@Table(name = "check_out")
@NamedQuery(name = "CheckOut.ofSession", query = "SELECT c FROM CheckOut c WHERE c.sessionId = :session ORDER BY c.checkedOutAt")
@NamedQuery(name = "CheckOut.deleteOfMember", query = "DELETE FROM CheckOut c WHERE c.sessionId = :session AND c.memberId = :member")
// The last goal is the one set for the latest session, whenever the member happened to check out.
@NamedQuery(name = "CheckOut.lastGoal", query = "SELECT c FROM CheckOut c, ScheduledSession s WHERE s.id = c.sessionId "
        + "AND c.memberId = :member AND c.goal IS NOT NULL ORDER BY s.startsAt DESC, c.checkedOutAt DESC")
@NamedQuery(name = "CheckOut.ofGroup", query = "SELECT c FROM CheckOut c WHERE c.sessionId IN "
        + "(SELECT s.id FROM ScheduledSession s WHERE s.groupId = :group)")
public class CheckOut {

    @Id
    private String id;
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "rating_connection")
    private int connection;
    @Column(name = "rating_topics")
    private int topics;
    @Column(name = "rating_approach")
    private int approach;
    @Column(name = "rating_overall")
    private int overall;
    @Column(name = "comment_text")
    private String comment;
    private String goal;
    @Column(name = "checked_out_at")
    private Instant checkedOutAt;

    protected CheckOut() { }

    public CheckOut(String id, String sessionId, String memberId, Ratings ratings, String sealedComment, String sealedGoal, Instant at) {
        this.id = id;
        this.sessionId = sessionId;
        this.memberId = memberId;
        this.connection = ratings.connection();
        this.topics = ratings.topics();
        this.approach = ratings.approach();
        this.overall = ratings.overall();
        this.comment = sealedComment;
        this.goal = sealedGoal;
        this.checkedOutAt = at;
    }

    public String id() { return id; }
    public String sessionId() { return sessionId; }
    public String memberId() { return memberId; }
    public Ratings ratings() { return new Ratings(connection, topics, approach, overall); }
    public String sealedComment() { return comment; }
    public String sealedGoal() { return goal; }
    public Instant checkedOutAt() { return checkedOutAt; }
}
