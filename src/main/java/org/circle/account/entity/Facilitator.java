package org.circle.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "facilitator")
@NamedQuery(name = "Facilitator.byEmail", query = "SELECT f FROM Facilitator f WHERE f.email = :email")
@NamedQuery(name = "Facilitator.count", query = "SELECT COUNT(f) FROM Facilitator f")
public class Facilitator {

    @Id
    private String id;
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Facilitator() { }

    public Facilitator(String id, String email, String displayName, String passwordHash, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String email() { return email; }
    public String displayName() { return displayName; }
    public String passwordHash() { return passwordHash; }
    public Instant createdAt() { return createdAt; }
}
