package org.circle.signaling.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One running session's saved live state, as its last accepted command left it. */
@Entity
@Table(name = "live_room")
@NamedQuery(name = "LiveRoom.unfinished", query = "SELECT r.sessionId FROM LiveRoom r WHERE r.ended = false")
@NamedQuery(name = "LiveRoom.alive", query = "UPDATE LiveRoom r SET r.aliveAt = :at WHERE r.sessionId IN :ids AND r.ended = false")
public class LiveRoom {

    @Id
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "saved_form")
    private String savedForm;
    private boolean ended;
    @Column(name = "saved_at")
    private Instant savedAt;
    @Column(name = "alive_at")
    private Instant aliveAt;

    /** Rows are written by RoomRecords in plain JDBC; JPA only reads them. */
    protected LiveRoom() { }

    public String savedForm() { return savedForm; }

    /** The last moment the server running this session is known to have been up. */
    public Instant lastAlive() { return aliveAt.isAfter(savedAt) ? aliveAt : savedAt; }
}
