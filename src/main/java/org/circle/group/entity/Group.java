package org.circle.group.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "circle_group")
@NamedQuery(name = "Group.ofFacilitator", query = "SELECT g FROM Group g WHERE g.id IN "
        + "(SELECT gf.groupId FROM GroupFacilitator gf WHERE gf.facilitatorId = :facilitator) ORDER BY g.createdAt")
public class Group {

    @Id
    private String id;
    private String name;
    private String description;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Group() { }

    public Group(String id, String name, String description, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
}
