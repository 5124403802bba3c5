package org.circle.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A facilitator's login, known to the database only by the hash of its token. */
@Entity
@Table(name = "login_token")
public class LoginToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "facilitator_id")
    private String facilitatorId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected LoginToken() { }

    public LoginToken(String tokenHash, String facilitatorId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.facilitatorId = facilitatorId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String facilitatorId() { return facilitatorId; }
    public Instant expiresAt() { return expiresAt; }
}
