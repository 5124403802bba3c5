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
 * Every consent decision, in the order made. Only {@link #record} writes, and it only inserts
 * (and moves the group's chain head, see {@link ConsentChain}).
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
        // One decision at a time per group, so that two cannot both follow the same record and
        // fork the chain (the unique index on (group_id, prev_hash) would refuse the second).
        // The group's row is the lock: it exists for every group, and nothing else locks it long.
        em.createNativeQuery("SELECT id FROM circle_group WHERE id = ? FOR UPDATE").setParameter(1, document.groupId()).getResultList();
        Head head = head(document.groupId());
        Instant now = clock.now();
        long seq = ChronoUnit.MICROS.between(Instant.EPOCH, now) * 1000 + Math.floorMod(sameMicrosecond.getAndIncrement(), 1000);
        // Chain order is seq order: never behind the head, even if the clock stepped back.
        seq = Math.max(seq, head.lastSeq() + 1);
        ConsentRecord record = new ConsentRecord(Secrets.newId(), document, memberId, decision, now, seq, userAgent, head.lastHash());
        em.persist(record);
        em.flush();
        advance(document.groupId(), head, record);
        changed.fire(new ConsentChanged(document.groupId(), Map.of(memberId, isComplete(document.groupId(), memberId)), true));
        return record;
    }

    private record Head(boolean exists, long lastSeq, String lastHash) { }

    private Head head(String groupId) {
        List<?> rows = em.createNativeQuery("SELECT last_seq, last_hash FROM consent_chain WHERE group_id = ?")
                .setParameter(1, groupId).getResultList();
        if (rows.isEmpty()) return new Head(false, Long.MIN_VALUE + 1, ConsentChain.GENESIS);
        Object[] row = (Object[]) rows.get(0);
        return new Head(true, ((Number) row[0]).longValue(), (String) row[1]);
    }

    private void advance(String groupId, Head head, ConsentRecord record) {
        String sql = head.exists()
                ? "UPDATE consent_chain SET records = records + 1, last_seq = ?, last_hash = ? WHERE group_id = ?"
                : "INSERT INTO consent_chain (records, last_seq, last_hash, group_id) VALUES (1, ?, ?, ?)";
        em.createNativeQuery(sql).setParameter(1, record.seq()).setParameter(2, record.hash()).setParameter(3, groupId).executeUpdate();
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
