package org.circle.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One decision, as it was made: which version of which text (with its hash), granted, declined
 * or withdrawn, when, and from which browser. Only ever inserted; the entity has no setters.
 */
@Entity
@Table(name = "consent_record")
@NamedQuery(name = "ConsentRecord.ofGroup", query = "SELECT r FROM ConsentRecord r WHERE r.groupId = :group ORDER BY r.seq")
@NamedQuery(name = "ConsentRecord.ofMember", query = "SELECT r FROM ConsentRecord r WHERE r.memberId = :member ORDER BY r.seq")
public class ConsentRecord {

    @Id
    private String id;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "document_id")
    private String documentId;
    private String kind;
    private int version;
    private String sha256;
    private String decision;
    @Column(name = "decided_at")
    private Instant decidedAt;
    /** Orders decisions made within the same microsecond (time alone is not unique). */
    private long seq;
    @Column(name = "user_agent")
    private String userAgent;

    protected ConsentRecord() { }

    public ConsentRecord(String id, ConsentDocument document, String memberId, ConsentDecision decision, Instant decidedAt, long seq, String userAgent) {
        this.id = id;
        this.groupId = document.groupId();
        this.memberId = memberId;
        this.documentId = document.id();
        this.kind = document.kind();
        this.version = document.version();
        this.sha256 = document.sha256();
        this.decision = decision.wire();
        this.decidedAt = decidedAt;
        this.seq = seq;
        this.userAgent = userAgent;
    }

    public String id() { return id; }
    public String groupId() { return groupId; }
    public String memberId() { return memberId; }
    public String documentId() { return documentId; }
    public String kind() { return kind; }
    public int version() { return version; }
    public String sha256() { return sha256; }
    public ConsentDecision decision() { return ConsentDecision.fromWire(decision).orElseThrow(); }
    public Instant decidedAt() { return decidedAt; }
    public String userAgent() { return userAgent; }
}
