package org.circle.consent.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circle.consent.entity.ConsentDecision;

/**
 * When is a member's consent complete? For every required kind, their latest decision on the
 * current version of that kind is "granted". A decision on an earlier version does not count:
 * publishing a new version asks everyone again.
 */
public final class ConsentPolicy {

    /** The current version of one kind of agreement. */
    public record Current(String documentId, String kind, boolean required) { }

    /** One decision, in the order they were recorded. */
    public record Decision(String documentId, ConsentDecision decision) { }

    private ConsentPolicy() { }

    /** The member's status for each current document: granted, declined, withdrawn or missing. */
    public static Map<String, String> statuses(Collection<Current> current, List<Decision> decisionsOldestFirst) {
        Map<String, String> latest = new HashMap<>();
        for (Decision d : decisionsOldestFirst) latest.put(d.documentId(), d.decision().wire());
        Map<String, String> out = new HashMap<>();
        for (Current c : current) out.put(c.documentId(), latest.getOrDefault(c.documentId(), "missing"));
        return out;
    }

    public static boolean complete(Collection<Current> current, List<Decision> decisionsOldestFirst) {
        Map<String, String> statuses = statuses(current, decisionsOldestFirst);
        for (Current c : current) {
            if (c.required() && !ConsentDecision.GRANTED.wire().equals(statuses.get(c.documentId()))) return false;
        }
        return true;
    }
}
