package org.circle.signaling.control;

import java.util.UUID;

/** Participant ids: a facilitator's follows their account (the same in every session); a member's is new at each arrival. */
final class Participants {

    private Participants() { }

    static String facilitator(String facilitatorId) { return "f" + facilitatorId; }

    static String newMember() { return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20); }
}
