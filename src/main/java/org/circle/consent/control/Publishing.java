package org.circle.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.circle.consent.entity.ConsentChanged;
import org.circle.consent.entity.ConsentDocument;
import org.circle.group.control.Members;
import org.circle.group.entity.Member;

/**
 * Publishing a new version of an agreement, and saying beforehand what it will do: who will have
 * to agree again, and who of them is in a session right now. {@code now} sends anyone admitted
 * whose consent is no longer complete back to the waiting room at once; {@code next-session}
 * leaves the sessions already running as they are and asks everyone from their next arrival.
 */
@ApplicationScoped
public class Publishing {

    public enum Effective { NOW, NEXT_SESSION }

    /** One member the new version asks again; {@code loses} their consent stops being complete. */
    public record Affected(String memberId, String displayName, boolean loses, String inSession) { }

    public record Preview(String kind, int version, boolean required, List<Affected> affected) { }

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    ConsentDocuments documents;

    @Inject
    ConsentLedger ledger;

    @Inject
    Members members;

    @Inject
    Event<ConsentChanged> changed;

    @Transactional
    public Preview preview(String groupId, String kind, boolean required) {
        Integer latest = documents.latestVersion(groupId, kind);
        Map<String, String> present = presentInSessions(groupId);
        List<Affected> affected = current(groupId).stream().map(m -> new Affected(m.id(), m.displayName(),
                required && ledger.isComplete(groupId, m.id()), present.get(m.id()))).toList();
        return new Preview(kind, latest == null ? 1 : latest + 1, required, affected);
    }

    @Transactional
    public ConsentDocument publish(String groupId, String kind, String title, String body, boolean required, Effective effective) {
        ConsentDocument document = documents.publish(groupId, kind, title, body, required);
        Map<String, Boolean> complete = new HashMap<>();
        for (Member m : current(groupId)) complete.put(m.id(), ledger.isComplete(groupId, m.id()));
        changed.fire(new ConsentChanged(groupId, complete, effective == Effective.NOW));
        return document;
    }

    private List<Member> current(String groupId) {
        return members.of(groupId).stream().filter(m -> !m.revoked()).toList();
    }

    /** Member id → "admitted" or "waiting", for those in a running session of the group now (from attendance). */
    private Map<String, String> presentInSessions(String groupId) {
        List<Object[]> rows = em.createQuery("SELECT a.memberId, a.outcome FROM AttendanceEntry a, ScheduledSession s "
                        + "WHERE a.sessionId = s.id AND s.groupId = :group AND s.state IN ('open', 'live') AND a.memberId IS NOT NULL "
                        + "AND a.leftAt IS NULL AND a.outcome IN ('waiting', 'admitted')", Object[].class)
                .setParameter("group", groupId).getResultList();
        Set<String> admitted = rows.stream().filter(r -> "admitted".equals(r[1])).map(r -> (String) r[0]).collect(Collectors.toSet());
        Map<String, String> out = new HashMap<>();
        for (Object[] r : rows) out.put((String) r[0], admitted.contains((String) r[0]) ? "admitted" : "waiting");
        return out;
    }
}
