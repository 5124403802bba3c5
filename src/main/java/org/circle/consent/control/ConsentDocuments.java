package org.circle.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.circle.consent.entity.ConsentDocument;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/** Publishing agreements. A kind published again is a new version; earlier versions stay as they were. */
@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class ConsentDocuments {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    /** Called by {@link Publishing}, which tells the live sessions what the new version means. */
    @Transactional
    public ConsentDocument publish(String groupId, String kind, String title, String body, boolean required) {
        Integer latest = latestVersion(groupId, kind);
        ConsentDocument document = new ConsentDocument(Secrets.newId(), groupId, kind, latest == null ? 1 : latest + 1,
                title, body, Secrets.hash(body), required, clock.now());
        em.persist(document);
        em.flush(); // two publishers racing for one version: the unique key refuses the second here
        return document;
    }

    public Integer latestVersion(String groupId, String kind) {
        return em.createNamedQuery("ConsentDocument.latestVersion", Integer.class)
                .setParameter("group", groupId).setParameter("kind", kind).getSingleResult();
    }

    /** The current version of each kind. */
    public List<ConsentDocument> current(String groupId) {
        return em.createNamedQuery("ConsentDocument.current", ConsentDocument.class).setParameter("group", groupId).getResultList();
    }

    @Transactional
    public Optional<ConsentDocument> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(ConsentDocument.class, id));
    }

    public List<ConsentPolicy.Current> currentForPolicy(String groupId) {
        return current(groupId).stream().map(d -> new ConsentPolicy.Current(d.id(), d.kind(), d.required())).toList();
    }
}
