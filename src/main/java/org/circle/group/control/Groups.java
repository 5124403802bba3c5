package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.circle.account.control.Accounts;
import org.circle.group.entity.Group;
import org.circle.group.entity.GroupFacilitator;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/** Groups and who facilitates them. To anyone who does not facilitate a group, it does not exist. */
@ApplicationScoped
public class Groups {

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

    @Transactional
    public void addFacilitator(String groupId, String callerId, String email) {
        require(groupId, callerId);
        var colleague = accounts.byEmail(email).orElseThrow(ApiError::notFound);
        if (!facilitates(groupId, colleague.id())) em.persist(new GroupFacilitator(groupId, colleague.id(), clock.now()));
    }
}
