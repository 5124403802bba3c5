package org.circle.attendance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.circle.attendance.entity.AttendanceEntry;

@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class AttendanceLog {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    public List<AttendanceEntry> of(String sessionId) {
        return em.createNamedQuery("AttendanceEntry.ofSession", AttendanceEntry.class).setParameter("session", sessionId).getResultList();
    }
}
