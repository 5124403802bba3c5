package org.circle.signaling.control;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.circle.media.Feed;
import org.circle.media.MediaPort;
import org.circle.session.Effect;
import org.circle.session.LiveSession;

/**
 * What this instance's media port has been told of one session's gate: who may publish, whose
 * audio may be forwarded, who may share a screen. The instance that decides a command tells the
 * port the gate's changes from its effects ({@link #tell}); in a cluster, every other instance
 * holding people of the session tells its own port what changed from the state it takes
 * ({@link #follow}), because each media port enforces the gate for the publishers on its
 * instance. Calls reach the port off the room's lock (it is on the network) and in order: a mute
 * must never overtake the unmute before it. The room's lock guards this object.
 */
final class MediaGates {

    private final String sessionId;
    private final MediaPort port;
    private final Executor writers;
    /** By feed key (a participant's id, or its screen's key). */
    private final Map<String, Effect> told = new HashMap<>();
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);

    MediaGates(String sessionId, MediaPort port, Executor writers) {
        this.sessionId = sessionId;
        this.port = port;
        this.writers = writers;
    }

    void tell(Effect.MediaAccess access) {
        told.put(access.participant(), access);
        then(() -> port.access(sessionId, access.participant(), access.mayPublish(), access.audioForwarded()));
    }

    void tell(Effect.ScreenAccess screen) {
        String key = Feed.screen(screen.participant()).key();
        told.put(key, screen);
        then(() -> port.access(sessionId, key, screen.mayShare(), false));
    }

    /** Tells the port whatever of {@code session}'s gate it has not heard yet (nothing for a closed gate it never heard of). */
    void follow(LiveSession session) {
        if (!port.available()) return;
        for (Effect gate : session.mediaGates()) {
            if (gate instanceof Effect.MediaAccess access) {
                Effect before = told.get(access.participant());
                if (before == null ? access.mayPublish() : !before.equals(access)) tell(access);
            } else if (gate instanceof Effect.ScreenAccess screen) {
                Effect before = told.get(Feed.screen(screen.participant()).key());
                if (before == null ? screen.mayShare() : !before.equals(screen)) tell(screen);
            }
        }
    }

    /** Completes once the port has heard every change so far; never fails (the chain swallows the port's failures). */
    CompletableFuture<Void> pending() { return chain; }

    private void then(Runnable call) {
        chain = chain.thenRunAsync(call, writers).exceptionally(e -> null);
    }
}
