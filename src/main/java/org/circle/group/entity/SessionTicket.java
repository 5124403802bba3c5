package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-minute, single-use pass to one session's socket, kept as a hash. */
@Entity
@Table(name = "session_ticket")
public class SessionTicket {

    @Id
    @Column(name = "ticket_hash")
    private String ticketHash;
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "facilitator_id")
    private String facilitatorId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected SessionTicket() { }

    public SessionTicket(String ticketHash, String sessionId, String memberId, String facilitatorId, Instant createdAt, Instant expiresAt) {
        this.ticketHash = ticketHash;
        this.sessionId = sessionId;
        this.memberId = memberId;
        this.facilitatorId = facilitatorId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String sessionId() { return sessionId; }
    public String memberId() { return memberId; }
    public String facilitatorId() { return facilitatorId; }
}
