package org.circle.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.circle.consent.entity.ConsentChanged;
import org.circle.consent.entity.ConsentDecision;
import org.circle.consent.entity.ConsentDocument;
import org.circle.consent.entity.ConsentRecord;
import org.circle.group.control.Consents;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/**
 * Every consent decision, in the order made. Only {@link #record} writes, and it only inserts.
 * A decision is taken on the current version only: agreeing to a text nobody shows any more
 * would record consent to something other than what the group now asks.
 */
@ApplicationScoped
@Transactional // reads too: a read outside a transaction leaves an entity manager on the request that the session's writer tasks share
public class ConsentLedger implements Consents {

    private final AtomicInteger sameMicrosecond = new AtomicInteger();

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ConsentDocuments documents;

    @Inject
    Event<ConsentChanged> changed;

    @Transactional
    public ConsentRecord record(String memberId, ConsentDocument document, ConsentDecision decision, String userAgent) {
        Integer latest = em.createNamedQuery("ConsentDocument.latestVersion", Integer.class)
                .setParameter("group", document.groupId()).setParameter("kind", document.kind()).getSingleResult();
        if (latest != null && latest != document.version()) {
            throw ApiError.conflict("STALE_VERSION", "A newer version of this agreement has been published. Please read it again.");
        }
        Instant now = clock.now();
        long seq = ChronoUnit.MICROS.between(Instant.EPOCH, now) * 1000 + Math.floorMod(sameMicrosecond.getAndIncrement(), 1000);
        ConsentRecord record = new ConsentRecord(Secrets.newId(), document, memberId, decision, now, seq, userAgent);
        em.persist(record);
        em.flush();
        changed.fire(new ConsentChanged(document.groupId(), Map.of(memberId, isComplete(document.groupId(), memberId)), true));
        return record;
    }

    public List<ConsentRecord> ofGroup(String groupId) {
        return em.createNamedQuery("ConsentRecord.ofGroup", ConsentRecord.class).setParameter("group", groupId).getResultList();
    }

    @Override
    public boolean isComplete(String groupId, String memberId) {
        return ConsentPolicy.complete(documents.currentForPolicy(groupId), decisions(memberId));
    }

    /** Status per current document id: granted, declined, withdrawn or missing. */
    public Map<String, String> statuses(String groupId, String memberId) {
        return ConsentPolicy.statuses(documents.currentForPolicy(groupId), decisions(memberId));
    }

    private List<ConsentPolicy.Decision> decisions(String memberId) {
        return em.createNamedQuery("ConsentRecord.ofMember", ConsentRecord.class).setParameter("member", memberId)
                .getResultList().stream().map(r -> new ConsentPolicy.Decision(r.documentId(), r.decision())).toList();
    }
}
