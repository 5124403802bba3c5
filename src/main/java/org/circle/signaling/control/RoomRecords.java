package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.circle.attendance.control.AttendanceLog;
import org.circle.group.control.Sessions;
import org.circle.group.entity.SessionRemoval;
import org.circle.platform.Clock;
import org.circle.session.AttendanceRow;
import org.circle.session.SessionState;
import org.circle.signaling.entity.LiveRoom;

/** The database side of {@link DatabaseRoomStore}: one transaction per commit, so it lands whole or not at all. */
@ApplicationScoped
@Transactional
public class RoomRecords {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    AttendanceLog attendance;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    public void commit(String sessionId, String savedForm, boolean ended, RoomStore.Commit commit) {
        Instant now = clock.now();
        LiveRoom room = em.find(LiveRoom.class, sessionId);
        if (room == null) {
            room = new LiveRoom(sessionId);
            room.save(savedForm, ended, now);
            em.persist(room);
        } else {
            room.save(savedForm, ended, now);
        }
        for (String member : commit.removedMembers()) {
            if (em.find(SessionRemoval.class, new SessionRemoval.Key(sessionId, member)) == null) {
                em.persist(new SessionRemoval(sessionId, member, now));
            }
        }
        for (AttendanceRow row : commit.attendance()) attendance.record(sessionId, row);
        if (commit.state() != null) sessions.markState(sessionId, commit.state().state(), commit.state().locked());
        em.flush(); // a refusal by the database surfaces here, inside the commit it belongs to
    }

    public Optional<LiveRoom> find(String sessionId) {
        return Optional.ofNullable(em.find(LiveRoom.class, sessionId));
    }

    public List<String> unfinished() {
        return em.createNamedQuery("LiveRoom.unfinished", String.class).getResultList();
    }

    public void alive(Collection<String> sessionIds, Instant at) {
        em.createNamedQuery("LiveRoom.alive").setParameter("at", at).setParameter("ids", sessionIds).executeUpdate();
    }

    static boolean ended(RoomStore.Commit commit) {
        return commit.room().session().state() == SessionState.ENDED;
    }
}
