package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.circle.group.entity.ScheduledSession;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;
import org.circle.session.MediaKind;
import org.circle.session.SessionState;

/** Scheduled sessions, and the state the live session reports back (open, live, ended; locked). */
@ApplicationScoped
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

    public List<ScheduledSession> upcoming(String groupId) {
        return em.createNamedQuery("ScheduledSession.upcoming", ScheduledSession.class).setParameter("group", groupId).getResultList();
    }

    public Optional<ScheduledSession> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(em.find(ScheduledSession.class, sessionId));
    }

    /** Records what the live session says of itself; an ended session never reopens. */
    @Transactional
    public void markState(String sessionId, SessionState state, boolean locked) {
        ScheduledSession session = em.find(ScheduledSession.class, sessionId);
        if (session == null) return;
        if (!session.ended()) session.state(state);
        session.locked(locked);
    }
}
