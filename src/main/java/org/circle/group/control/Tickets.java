package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.circle.account.entity.Facilitator;
import org.circle.group.entity.Member;
import org.circle.group.entity.ScheduledSession;
import org.circle.group.entity.SessionRemoval;
import org.circle.group.entity.SessionTicket;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/**
 * Tickets: what a browser presents in its first WebSocket frame. Short-lived and single use, so
 * that a ticket seen in a log or a proxy is worthless a minute later, and never twice.
 */
@ApplicationScoped
public class Tickets {

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    /** The live session's own words for a removed member who knocks again (see LiveSession's join). */
    public static final String REMOVED = "You were removed from this session.";

    /** Who a redeemed ticket lets in. Exactly one of memberId and facilitatorId is set. */
    public record Holder(String sessionId, String groupId, String memberId, String facilitatorId, String displayName, boolean facilitator) { }

    public record Issued(String ticket, Instant expiresAt) { }

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    /** Tickets not yet used by this facilitator are void: they came from a login that has ended. */
    @Transactional
    public int voidFacilitatorTickets(String facilitatorId, java.util.Set<String> sessionIds) {
        var q = em.createQuery("DELETE FROM SessionTicket t WHERE t.facilitatorId = :f AND t.usedAt IS NULL"
                + (sessionIds == null ? "" : " AND t.sessionId IN :sessions")).setParameter("f", facilitatorId);
        if (sessionIds != null) {
            if (sessionIds.isEmpty()) return 0;
            q.setParameter("sessions", sessionIds);
        }
        return q.executeUpdate();
    }

    @Transactional
    public Issued issue(ScheduledSession session, String memberId, String facilitatorId) {
        if (session.ended()) throw ApiError.conflict("SESSION_ENDED", "This session has ended.");
        if (session.cancelled()) throw ApiError.conflict("SESSION_CANCELLED", "This session has been cancelled.");
        Instant now = clock.now();
        if (memberId != null && !session.running() && now.isBefore(session.opensAt())) {
            // Members come from the join page, which offers the waiting room only once it is open.
            throw ApiError.conflict("SESSION_NOT_OPEN", "The waiting room opens at " + session.opensAt() + ".");
        }
        if (memberId != null && removed(session.id(), memberId)) throw ApiError.forbidden(REMOVED);
        if (session.locked() && memberId != null && !stillIn(session.id(), memberId)) {
            throw ApiError.conflict("LOCKED", "This session is locked. Please ask your facilitator.");
        }
        String ticket = Secrets.newToken();
        em.persist(new SessionTicket(Secrets.hash(ticket), session.id(), memberId, facilitatorId, now, now.plus(LIFETIME)));
        return new Issued(ticket, now.plus(LIFETIME));
    }

    /**
     * Whether the member is still in the session (waiting or admitted, their stint open): the lock
     * keeps newcomers out, not someone whose page reloaded or whose server restarted. The live
     * session lets them back in past the lock; the ticket desk must not stop them first.
     */
    private boolean stillIn(String sessionId, String memberId) {
        return em.createQuery("SELECT COUNT(a) FROM AttendanceEntry a WHERE a.sessionId = :s AND a.memberId = :m "
                        + "AND a.leftAt IS NULL AND a.outcome IN ('waiting', 'admitted')", Long.class)
                .setParameter("s", sessionId).setParameter("m", memberId).getSingleResult() > 0;
    }

    /** A facilitator removed this member from this session: they may not come back to it. */
    private boolean removed(String sessionId, String memberId) {
        return em.find(SessionRemoval.class, new SessionRemoval.Key(sessionId, memberId)) != null;
    }

    /**
     * Spends a ticket. The conditional update is the single-use guarantee: of two sockets racing
     * with one ticket, exactly one update touches the row.
     */
    @Transactional
    public Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) return Optional.empty();
        String hash = Secrets.hash(ticket);
        Instant now = clock.now();
        int spent = em.createQuery("UPDATE SessionTicket t SET t.usedAt = :now WHERE t.ticketHash = :hash "
                        + "AND t.usedAt IS NULL AND t.expiresAt > :now")
                .setParameter("now", now).setParameter("hash", hash).executeUpdate();
        if (spent != 1) return Optional.empty();
        SessionTicket spentTicket = em.find(SessionTicket.class, hash);
        ScheduledSession session = em.find(ScheduledSession.class, spentTicket.sessionId());
        if (spentTicket.memberId() != null) {
            Member member = em.find(Member.class, spentTicket.memberId());
            if (member == null || member.revoked()) return Optional.empty();
            return Optional.of(new Holder(session.id(), session.groupId(), member.id(), null, member.displayName(), false));
        }
        Facilitator facilitator = em.find(Facilitator.class, spentTicket.facilitatorId());
        if (facilitator == null) return Optional.empty();
        return Optional.of(new Holder(session.id(), session.groupId(), null, facilitator.id(), facilitator.displayName(), true));
    }
}
