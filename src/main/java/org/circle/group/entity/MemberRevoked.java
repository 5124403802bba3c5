package org.circle.group.entity;

/** Fired after a member's revocation is committed, so live sockets of that member can be closed. */
public record MemberRevoked(String groupId, String memberId) { }
