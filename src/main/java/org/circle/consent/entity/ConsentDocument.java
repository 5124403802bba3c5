package org.circle.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of one kind of agreement. Never changed once published. */
@Entity
@Table(name = "consent_document")
@NamedQuery(name = "ConsentDocument.current", query = "SELECT d FROM ConsentDocument d WHERE d.groupId = :group AND d.version = "
        + "(SELECT MAX(e.version) FROM ConsentDocument e WHERE e.groupId = d.groupId AND e.kind = d.kind) ORDER BY d.kind")
@NamedQuery(name = "ConsentDocument.latestVersion", query = "SELECT MAX(d.version) FROM ConsentDocument d WHERE d.groupId = :group AND d.kind = :kind")
public class ConsentDocument {

    @Id
    private String id;
    @Column(name = "group_id")
    private String groupId;
    private String kind;
    private int version;
    private String title;
    private String body;
    private String sha256;
    private boolean required;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected ConsentDocument() { }

    public ConsentDocument(String id, String groupId, String kind, int version, String title, String body, String sha256,
                           boolean required, Instant publishedAt) {
        this.id = id;
        this.groupId = groupId;
        this.kind = kind;
        this.version = version;
        this.title = title;
        this.body = body;
        this.sha256 = sha256;
        this.required = required;
        this.publishedAt = publishedAt;
    }

    public String id() { return id; }
    public String groupId() { return groupId; }
    public String kind() { return kind; }
    public int version() { return version; }
    public String title() { return title; }
    public String body() { return body; }
    public String sha256() { return sha256; }
    public boolean required() { return required; }
    public Instant publishedAt() { return publishedAt; }
}
