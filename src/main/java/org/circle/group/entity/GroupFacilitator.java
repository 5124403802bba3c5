package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A facilitator's place in a group: the only thing that lets them see it. */
@Entity
@Table(name = "group_facilitator")
@IdClass(GroupFacilitator.Key.class)
@NamedQuery(name = "GroupFacilitator.ofGroup", query = "SELECT gf.facilitatorId FROM GroupFacilitator gf WHERE gf.groupId = :group ORDER BY gf.addedAt")
public class GroupFacilitator {

    public record Key(String groupId, String facilitatorId) implements Serializable {
        public Key() { this(null, null); }
    }

    @Id
    @Column(name = "group_id")
    private String groupId;
    @Id
    @Column(name = "facilitator_id")
    private String facilitatorId;
    @Column(name = "added_at")
    private Instant addedAt;

    protected GroupFacilitator() { }

    public GroupFacilitator(String groupId, String facilitatorId, Instant addedAt) {
        this.groupId = groupId;
        this.facilitatorId = facilitatorId;
        this.addedAt = addedAt;
    }
}
