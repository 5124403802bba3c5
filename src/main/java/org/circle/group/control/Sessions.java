package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.circle.group.entity.ScheduledSession;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;
import org.circle.session.MediaKind;

/** Scheduled sessions, and the state the live session reports back (open, live, ended; locked). */
@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class Sessions {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public ScheduledSession schedule(String groupId, String title, Instant startsAt, int minutes, MediaKind media, int turnSeconds) {
        ScheduledSession session = new ScheduledSession(Secrets.newId(), groupId, title, startsAt, minutes, media, turnSeconds, clock.now());
        em.persist(session);
        return session;
    }

    public List<ScheduledSession> of(String groupId) {
        return em.createNamedQuery("ScheduledSession.ofGroup", ScheduledSession.class).setParameter("group", groupId).getResultList();
    }

    /** What a member of the group is offered now, the one to go to first (see {@link SessionOffer}). */
    public List<ScheduledSession> offered(String groupId) {
        return SessionOffer.forMember(em.createNamedQuery("ScheduledSession.upcoming", ScheduledSession.class)
                .setParameter("group", groupId).getResultList(), clock.now());
    }

    /** A change of plan. Only before anyone is in it: a running session's people rely on what they were told. */
    @Transactional
    public ScheduledSession replan(String sessionId, String title, Instant startsAt, Integer minutes, MediaKind media, Integer turnSeconds) {
        ScheduledSession s = notYetRun(sessionId, "changed");
        s.replan(title == null ? s.title() : title, startsAt == null ? s.startsAt() : startsAt, minutes == null ? s.minutes() : minutes,
                media == null ? s.media() : media, turnSeconds == null ? s.turnSeconds() : turnSeconds);
        return s;
    }

    /** Cancelled sessions stay on the calendar, so that members are told, and accept no tickets. */
    @Transactional
    public ScheduledSession cancel(String sessionId) {
        ScheduledSession s = notYetRun(sessionId, "cancelled");
        s.cancel();
        return s;
    }

    /**
     * Deletes a session that never ran, with its unused tickets. A session that ran keeps its
     * attendance, so it cannot be deleted; cancel is the way to take a session off a member's page.
     */
    @Transactional
    public void delete(String sessionId) {
        ScheduledSession s = notYetRun(sessionId, "deleted");
        long attended = em.createQuery("SELECT COUNT(a) FROM AttendanceEntry a WHERE a.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        if (attended > 0) throw ApiError.conflict("SESSION_HAS_ATTENDANCE", "People have come to this session, so its record is kept. Cancel it instead.");
        em.createQuery("DELETE FROM SessionTicket t WHERE t.sessionId = :s").setParameter("s", sessionId).executeUpdate();
        em.remove(s);
    }

    private ScheduledSession notYetRun(String sessionId, String what) {
        ScheduledSession s = em.find(ScheduledSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) throw ApiError.notFound();
        if (s.ended()) throw ApiError.conflict("SESSION_ENDED", "This session has ended, so it cannot be " + what + ".");
        if (s.running()) throw ApiError.conflict("SESSION_RUNNING", "People are in this session now, so it cannot be " + what + ". End it first.");
        if (s.cancelled() && !"deleted".equals(what)) throw ApiError.conflict("SESSION_CANCELLED", "This session is cancelled.");
        return s;
    }

    public Optional<ScheduledSession> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(em.find(ScheduledSession.class, sessionId));
    }
}
