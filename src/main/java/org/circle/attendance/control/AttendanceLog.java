package org.circle.attendance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.circle.attendance.entity.AttendanceEntry;
import org.circle.platform.Clock;
import org.circle.session.AttendanceRow;

@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class AttendanceLog {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Keeps one row per stint current; the live session sends the whole row each time. A failure
     * is not caught here: it reaches whoever waits for the write (the live session's edge).
     */
    @Transactional
    public void record(String sessionId, AttendanceRow row) {
        AttendanceEntry entry = em.find(AttendanceEntry.class, new AttendanceEntry.Key(sessionId, row.participant(), row.stint()));
        if (entry == null) {
            entry = new AttendanceEntry(sessionId, row.participant(), row.stint());
            entry.update(row, clock.now());
            em.persist(entry);
        } else {
            entry.update(row, clock.now());
        }
    }

    public List<AttendanceEntry> of(String sessionId) {
        return em.createNamedQuery("AttendanceEntry.ofSession", AttendanceEntry.class).setParameter("session", sessionId).getResultList();
    }
}
