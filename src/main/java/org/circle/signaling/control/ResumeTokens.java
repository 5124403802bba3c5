package org.circle.signaling.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circle.platform.Secrets;

/**
 * Resume tokens: a dropped socket may come back within the grace period and keep its place.
 * Each token works once (a new one comes with each welcome) and is held only as a hash.
 */
final class ResumeTokens {

    record Place(String sessionId, String participantId) { }

    private final Map<String, Place> places = new ConcurrentHashMap<>();

    String issue(String sessionId, String participantId) {
        String token = Secrets.newToken();
        places.put(Secrets.hash(token), new Place(sessionId, participantId));
        return token;
    }

    Optional<Place> redeem(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return Optional.ofNullable(places.remove(Secrets.hash(token)));
    }

    void forgetSession(String sessionId) {
        places.values().removeIf(p -> p.sessionId().equals(sessionId));
    }
}
