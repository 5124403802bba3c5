package org.circle.group.entity;

/** A co-facilitator was taken off a group: their live control of its sessions ends. */
public record FacilitatorRemoved(String groupId, String facilitatorId) { }
