package org.circle.session;

import java.time.Instant;

/**
 * A member turned away by the lock is not a dead end: the facilitators hear at once who knocked,
 * and may let that one person into the waiting room without unlocking for everyone. A knock
 * stays open (once per member, however often their page asks again) until a facilitator lets
 * them in, the lock is lifted, or they come in.
 */
final class Knocks {

    /** One member at the locked door. {@code id} names the knock for the facilitators' consoles. */
    record Knock(String id, String memberId, String memberName, Instant at) { }

    private final LiveSession s;

    Knocks(LiveSession s) { this.s = s; }

    void knock(Command.Knock c, Instant now, Changes changes) {
        if (c.memberId() == null || c.memberId().isBlank() || s.ended() || !s.locked) return;
        if (s.barredMembers.contains(c.memberId()) || s.letIn.contains(c.memberId()) || s.knocks.containsKey(c.memberId())) return;
        Person known = s.person(s.byMember.getOrDefault(c.memberId(), ""));
        if (known != null && known.status.present()) return; // still in: the lock does not keep them out
        String name = c.memberName() == null || c.memberName().isBlank() ? "A member" : c.memberName();
        Knock k = new Knock("k" + ++s.knockCount, c.memberId(), name, now);
        s.knocks.put(k.memberId(), k);
        changes.toFacilitators(new Event.LockKnock(k.id(), k.memberId(), k.memberName(), k.at()));
    }

    void letIn(Command.LetIn c, Changes changes) {
        Check.id(c.member(), "member");
        Knock k = s.knocks.remove(c.member());
        if (k == null) throw Check.refuse(ErrorCode.UNKNOWN_PARTICIPANT, "Nobody by that member id is at the door.");
        s.letIn.add(k.memberId());
        changes.toFacilitators(new Event.LockKnockClosed(k.id(), k.memberId(), "let.in", c.actor()));
    }

    /** The lock was lifted: everyone at the door may come in as anyone may. */
    void unlocked(String by, Changes changes) {
        for (Knock k : s.knocks.values()) changes.toFacilitators(new Event.LockKnockClosed(k.id(), k.memberId(), "unlocked", by));
        s.knocks.clear();
        s.letIn.clear();
    }

    /** Whether the lock lets this member in: a facilitator let them in past it. Used once. */
    boolean passes(String memberId) { return s.letIn.remove(memberId); }
}
