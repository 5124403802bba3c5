package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.circle.account.control.Accounts;
import org.circle.group.entity.FacilitatorRemoved;
import org.circle.group.entity.Group;
import org.circle.group.entity.GroupFacilitator;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/** Groups and who facilitates them. To anyone who does not facilitate a group, it does not exist. */
@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class Groups {

    @Inject
    jakarta.enterprise.event.Event<FacilitatorRemoved> removed;

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Accounts accounts;

    @Transactional
    public Group create(String facilitatorId, String name, String description) {
        Group group = new Group(Secrets.newId(), name, description, clock.now());
        em.persist(group);
        em.persist(new GroupFacilitator(group.id(), facilitatorId, clock.now()));
        return group;
    }

    public List<Group> of(String facilitatorId) {
        return em.createNamedQuery("Group.ofFacilitator", Group.class).setParameter("facilitator", facilitatorId).getResultList();
    }

    /** The group, if the caller facilitates it; otherwise 404, the same as for a group that does not exist. */
    public Group require(String groupId, String facilitatorId) {
        if (!facilitates(groupId, facilitatorId)) throw ApiError.notFound();
        return em.find(Group.class, groupId);
    }

    /** Any group by id, for callers that have already proven their right to it (an invitation). */
    public Group find(String groupId) {
        return em.find(Group.class, groupId);
    }

    public boolean facilitates(String groupId, String facilitatorId) {
        return groupId != null && facilitatorId != null
                && em.find(GroupFacilitator.class, new GroupFacilitator.Key(groupId, facilitatorId)) != null;
    }

    public List<String> facilitatorIds(String groupId) {
        return em.createNamedQuery("GroupFacilitator.ofGroup", String.class).setParameter("group", groupId).getResultList();
    }

    /** The names the group's facilitators are shown by: a member may not take one of them. */
    public List<String> facilitatorNames(String groupId) {
        return em.createQuery("SELECT f.displayName FROM Facilitator f, GroupFacilitator gf WHERE gf.facilitatorId = f.id AND gf.groupId = :group",
                String.class).setParameter("group", groupId).getResultList();
    }

    @Transactional
    public void addFacilitator(String groupId, String callerId, String email) {
        require(groupId, callerId);
        var colleague = accounts.byEmail(email).orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "Nobody has a Circle account with that email. Add them as a colleague first.", "email"));
        if (!facilitates(groupId, colleague.id())) em.persist(new GroupFacilitator(groupId, colleague.id(), clock.now()));
    }

    /**
     * Removes a co-facilitator. A group always keeps one facilitator: without one, nobody could
     * see it, run its sessions or read its consent record.
     */
    public void removeFacilitator(String groupId, String callerId, String facilitatorId) {
        require(groupId, callerId);
        GroupFacilitator link = em.find(GroupFacilitator.class, new GroupFacilitator.Key(groupId, facilitatorId), LockModeType.PESSIMISTIC_WRITE);
        if (link == null) throw ApiError.notFound();
        // Lock the group's facilitator rows so two removals at once cannot leave nobody.
        long count = em.createQuery("SELECT gf FROM GroupFacilitator gf WHERE gf.groupId = :group", GroupFacilitator.class)
                .setParameter("group", groupId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().size();
        if (count <= 1) throw ApiError.conflict("LAST_FACILITATOR", "A group needs at least one facilitator. Add another before removing this one.");
        em.remove(link);
        removed.fire(new FacilitatorRemoved(groupId, facilitatorId));
    }
}
