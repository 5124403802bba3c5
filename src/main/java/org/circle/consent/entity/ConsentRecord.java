package org.circle.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.circle.consent.control.ConsentChain;

/**
 * One decision, as it was made: which version of which text (with its hash), granted, declined
 * or withdrawn, when, and from which browser, chained to the group's record before it. Only ever
 * inserted; the entity has no setters.
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
    /** The hash of the group's record before this one ({@link ConsentChain#GENESIS} for the first). */
    @Column(name = "prev_hash")
    private String prevHash;
    /** SHA-256 over this record's fields and {@link #prevHash}: see {@link ConsentChain}. */
    @Column(name = "record_hash")
    private String hash;

    protected ConsentRecord() { }

    public ConsentRecord(String id, ConsentDocument document, String memberId, ConsentDecision decision, Instant decidedAt, long seq, String userAgent, String prevHash) {
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
        this.prevHash = prevHash;
        this.hash = ConsentChain.hash(link(), prevHash);
    }

    /** The fields the chain covers, as the database stores them (UTC wall time). */
    public ConsentChain.Link link() {
        return new ConsentChain.Link(id, groupId, memberId, documentId, kind, version, sha256, decision,
                LocalDateTime.ofInstant(decidedAt, ZoneOffset.UTC), seq, userAgent, prevHash, hash);
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
    public long seq() { return seq; }
    public String hash() { return hash; }
}
