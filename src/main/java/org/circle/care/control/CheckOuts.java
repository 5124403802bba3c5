package org.circle.care.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.circle.attendance.control.AttendanceLog;
import org.circle.care.entity.CareForms.CheckOutForm;
import org.circle.care.entity.CheckOut;
import org.circle.care.entity.Ratings;
import org.circle.group.entity.ScheduledSession;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/**
 * Check-outs and the goals members set in them. A member may check out once the session has
 * ended or once they have left it; a second check-out for the same session replaces the first.
 */
@ApplicationScoped
public class CheckOuts {

    /** A check-out opened for a facilitator; comment and goal are null when the data key no longer opens them. */
    public record Answer(String id, String sessionId, String memberId, Ratings ratings, String comment, String goal, Instant at) { }

    /** The goal a member set in their last check-out that had one. */
    public record Goal(String text, String sessionId, Instant at) { }

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DataKeys keys;

    @Inject
    AttendanceLog attendance;

    /** Returns once the check-out is committed; 409 SESSION_NOT_OVER while the member is still in a live session. */
    @Transactional
    public CheckOut record(ScheduledSession session, String memberId, CheckOutForm form) {
        if (!over(session, memberId)) {
            throw ApiError.conflict("SESSION_NOT_OVER", "You can check out once the session has ended or you have left it.");
        }
        em.createNamedQuery("CheckOut.deleteOfMember").setParameter("session", session.id()).setParameter("member", memberId)
                .executeUpdate();
        String id = Secrets.newId();
        DataSeal seal = keys.seal();
        CheckOut checkOut = new CheckOut(id, session.id(), memberId, form.ratings(), seal.seal(form.comment(), id, "comment"),
                seal.seal(form.goal(), id, "goal"), clock.now());
        em.persist(checkOut);
        return checkOut;
    }

    /** The session has ended, or the attendance record shows this member left it. */
    boolean over(ScheduledSession session, String memberId) {
        return session.ended() || attendance.of(session.id()).stream()
                .anyMatch(a -> memberId.equals(a.memberId()) && a.leftAt() != null);
    }

    public List<Answer> ofSession(String sessionId) {
        return em.createNamedQuery("CheckOut.ofSession", CheckOut.class).setParameter("session", sessionId).getResultList()
                .stream().map(this::open).toList();
    }

    public List<CheckOut> ofGroup(String groupId) {
        return em.createNamedQuery("CheckOut.ofGroup", CheckOut.class).setParameter("group", groupId).getResultList();
    }

    public Optional<Goal> lastGoal(String memberId) {
        return em.createNamedQuery("CheckOut.lastGoal", CheckOut.class).setParameter("member", memberId).setMaxResults(1)
                .getResultList().stream().findFirst().flatMap(c -> {
                    String goal = unseal(c.sealedGoal(), c.id(), "goal");
                    return goal == null ? Optional.empty() : Optional.of(new Goal(goal, c.sessionId(), c.checkedOutAt()));
                });
    }

    private Answer open(CheckOut c) {
        return new Answer(c.id(), c.sessionId(), c.memberId(), c.ratings(), unseal(c.sealedComment(), c.id(), "comment"),
                unseal(c.sealedGoal(), c.id(), "goal"), c.checkedOutAt());
    }

    private String unseal(String sealed, String id, String field) {
        try {
            return keys.seal().open(sealed, id, field);
        } catch (DataSeal.Unreadable e) {
            return null;
        }
    }
}
