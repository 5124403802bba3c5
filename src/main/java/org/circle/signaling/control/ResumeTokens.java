package org.circle.signaling.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circle.platform.Secrets;

/**
 * One room's resume tokens: a dropped socket may come back within the grace period and keep its
 * place. Each token works once (a new one comes with each welcome) and is held only as a hash.
 */
final class ResumeTokens {

    private final Map<String, String> participants = new ConcurrentHashMap<>();

    String issue(String participantId) {
        String token = Secrets.newToken();
        participants.put(Secrets.hash(token), participantId);
        return token;
    }

    /** The tokens as the room's store keeps them (hash → participant): a restart does not cost anyone their place. */
    Map<String, String> saved() { return Map.copyOf(participants); }

    void restore(Map<String, String> saved) {
        participants.clear();
        participants.putAll(saved);
    }

    boolean holds(String tokenHash) { return participants.containsKey(tokenHash); }

    Optional<String> redeem(String token) {
        if (!wellFormed(token)) return Optional.empty();
        return Optional.ofNullable(participants.remove(Secrets.hash(token)));
    }

    static boolean wellFormed(String token) { return token != null && token.length() <= 100; }
}
