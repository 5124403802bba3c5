package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A member a facilitator removed from a session: they may not come back to it. */
@Entity
@Table(name = "session_removal")
@IdClass(SessionRemoval.Key.class)
public class SessionRemoval {

    public record Key(String sessionId, String memberId) implements Serializable {
        public Key() { this(null, null); }
    }

    @Id
    @Column(name = "session_id")
    private String sessionId;
    @Id
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "removed_at")
    private Instant removedAt;

    /** Rows are written by RoomRecords in plain JDBC; JPA only reads them. */
    protected SessionRemoval() { }
}
