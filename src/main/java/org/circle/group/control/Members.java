package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.circle.group.entity.Member;
import org.circle.group.entity.MemberRevoked;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/** Members and their invitations. The token is shown once; a database dump lets nobody join. */
@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class Members {

    public record Invited(Member member, String token) { }

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MemberRevoked> revoked;

    @Transactional
    public Invited invite(String groupId, String displayName) {
        String token = Secrets.newToken();
        Member member = new Member(Secrets.newId(), groupId, displayName, Secrets.hash(token), clock.now());
        em.persist(member);
        return new Invited(member, token);
    }

    /**
     * A new invitation link for a member who lost theirs (the token is never stored, so it cannot
     * be shown again): the old link stops working at once; a member in a session now stays there.
     */
    @Transactional
    public Invited reissue(String groupId, String memberId) {
        Member member = em.find(Member.class, memberId);
        if (member == null || !member.groupId().equals(groupId)) throw ApiError.notFound();
        if (member.revoked()) throw ApiError.conflict("REVOKED", "This invitation was revoked; invite the member again instead.");
        String token = Secrets.newToken();
        member.reissue(Secrets.hash(token));
        return new Invited(member, token);
    }

    public List<Member> of(String groupId) {
        return em.createNamedQuery("Member.ofGroup", Member.class).setParameter("group", groupId).getResultList();
    }

    /** The member an invitation belongs to, while it has not been revoked. */
    public Optional<Member> byInvitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        return em.createNamedQuery("Member.byInvitation", Member.class).setParameter("hash", Secrets.hash(token))
                .getResultList().stream().findFirst();
    }

    public Optional<Member> find(String memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId));
    }

    /**
     * Revokes at once. The event is fired inside the transaction; its observers listen with
     * {@code during = AFTER_SUCCESS}, so sockets close only once the revocation is durable.
     */
    @Transactional
    public void revoke(String groupId, String memberId) {
        Member member = em.find(Member.class, memberId);
        if (member == null || !member.groupId().equals(groupId)) throw ApiError.notFound();
        member.revoke(clock.now());
        revoked.fire(new MemberRevoked(groupId, memberId));
    }
}
