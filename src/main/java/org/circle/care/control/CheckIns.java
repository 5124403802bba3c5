package org.circle.care.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.circle.care.entity.CareForms.CheckInForm;
import org.circle.care.entity.CheckIn;
import org.circle.care.entity.CheckedIn;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/**
 * Safety check-ins: sealed on the way in, opened only for the group's facilitators. One per
 * member per session; a new one replaces the old in the same transaction, so there is never a
 * moment with none or two.
 */
@ApplicationScoped
public class CheckIns {

    /** A check-in opened for a facilitator. {@code readable} is false when the data key no longer opens it. */
    public record Details(String id, String sessionId, String memberId, String location, String phone,
                          String emergencyContact, boolean privateSpace, String goalReview, Instant at, boolean readable) { }

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DataKeys keys;

    @Inject
    Event<CheckedIn> checkedIn;

    /** Returns once the check-in is committed. */
    @Transactional
    public CheckIn record(String memberId, CheckInForm form) {
        em.createNamedQuery("CheckIn.deleteOfMember").setParameter("session", form.sessionId()).setParameter("member", memberId)
                .executeUpdate();
        String id = Secrets.newId();
        DataSeal seal = keys.seal();
        var sealed = new CheckIn.Sealed(seal.seal(form.location(), id, "location"), seal.seal(form.phone(), id, "phone"),
                seal.seal(form.emergencyContact(), id, "emergencyContact"));
        CheckIn checkIn = new CheckIn(id, form.sessionId(), memberId, sealed, form.privateSpace(), form.goalReview(), clock.now());
        em.persist(checkIn);
        checkedIn.fire(new CheckedIn(form.sessionId(), memberId, form.privateSpace(), form.location(), form.phone(), form.emergencyContact()));
        return checkIn;
    }

    public List<Details> ofSession(String sessionId) {
        return em.createNamedQuery("CheckIn.ofSession", CheckIn.class).setParameter("session", sessionId).getResultList()
                .stream().map(this::open).toList();
    }

    /** The member's current check-in for the session, still sealed (enough to know it exists). */
    public Optional<CheckIn> of(String sessionId, String memberId) {
        return em.createNamedQuery("CheckIn.ofMember", CheckIn.class).setParameter("session", sessionId)
                .setParameter("member", memberId).getResultList().stream().findFirst();
    }

    public Details open(CheckIn c) {
        DataSeal seal = keys.seal();
        CheckIn.Sealed s = c.sealed();
        try {
            return new Details(c.id(), c.sessionId(), c.memberId(), seal.open(s.location(), c.id(), "location"),
                    seal.open(s.phone(), c.id(), "phone"), seal.open(s.emergencyContact(), c.id(), "emergencyContact"),
                    c.privateSpace(), c.goalReview(), c.checkedInAt(), true);
        } catch (DataSeal.Unreadable e) {
            return new Details(c.id(), c.sessionId(), c.memberId(), null, null, null, c.privateSpace(), c.goalReview(),
                    c.checkedInAt(), false);
        }
    }

    /** Deletes every check-in made before {@code before}; returns how many. */
    @Transactional
    public int deleteBefore(Instant before) {
        return em.createNamedQuery("CheckIn.deleteBefore").setParameter("before", before).executeUpdate();
    }
}
