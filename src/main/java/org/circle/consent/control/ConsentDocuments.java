package org.circle.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.circle.consent.entity.ConsentChanged;
import org.circle.consent.entity.ConsentDocument;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/** Publishing agreements. A kind published again is a new version; earlier versions stay as they were. */
@ApplicationScoped
public class ConsentDocuments {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ConsentChanged> changed;

    @Transactional
    public ConsentDocument publish(String groupId, String kind, String title, String body, boolean required) {
        Integer latest = em.createNamedQuery("ConsentDocument.latestVersion", Integer.class)
                .setParameter("group", groupId).setParameter("kind", kind).getSingleResult();
        ConsentDocument document = new ConsentDocument(Secrets.newId(), groupId, kind, latest == null ? 1 : latest + 1,
                title, body, Secrets.hash(body), required, clock.now());
        em.persist(document);
        em.flush(); // two publishers racing for one version: the unique key refuses the second here
        // Everyone's completeness may have changed: a new required version asks everyone again.
        changed.fire(new ConsentChanged(groupId, null));
        return document;
    }

    /** The current version of each kind. */
    public List<ConsentDocument> current(String groupId) {
        return em.createNamedQuery("ConsentDocument.current", ConsentDocument.class).setParameter("group", groupId).getResultList();
    }

    public Optional<ConsentDocument> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(ConsentDocument.class, id));
    }

    public List<ConsentPolicy.Current> currentForPolicy(String groupId) {
        return current(groupId).stream().map(d -> new ConsentPolicy.Current(d.id(), d.kind(), d.required())).toList();
    }
}
