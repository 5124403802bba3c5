package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member of a group. Their invitation token is their credential; only its hash is kept. */
@Entity
@Table(name = "group_member")
@NamedQuery(name = "Member.ofGroup", query = "SELECT m FROM Member m WHERE m.groupId = :group ORDER BY m.createdAt")
@NamedQuery(name = "Member.byInvitation", query = "SELECT m FROM Member m WHERE m.invitationHash = :hash AND m.revokedAt IS NULL")
public class Member {

    @Id
    private String id;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "invitation_hash")
    private String invitationHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Member() { }

    public Member(String id, String groupId, String displayName, String invitationHash, Instant createdAt) {
        this.id = id;
        this.groupId = groupId;
        this.displayName = displayName;
        this.invitationHash = invitationHash;
        this.createdAt = createdAt;
    }

    /** A new link for the same member: the old one stops working at once (only the hash was ever kept). */
    public void reissue(String newInvitationHash) {
        invitationHash = newInvitationHash;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) revokedAt = at;
    }

    public String id() { return id; }
    public String groupId() { return groupId; }
    public String displayName() { return displayName; }
    public Instant createdAt() { return createdAt; }
    public boolean revoked() { return revokedAt != null; }
}
