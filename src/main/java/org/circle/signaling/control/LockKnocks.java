package org.circle.signaling.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.group.control.LockDoor;
import org.circle.session.Command;

/**
 * The live session's answer to the ticket desk about its locked door, on whichever instance of a
 * cluster the ticket was asked: the session may be live on another one only.
 */
@ApplicationScoped
public class LockKnocks implements LockDoor {

    private static final Logger LOG = Logger.getLogger(LockKnocks.class.getName());

    @Inject
    Rooms rooms;

    @Resource
    ManagedExecutorService executor;

    @Override
    public boolean letIn(String sessionId, String memberId) {
        return rooms.live(sessionId).map(room -> room.letInPastLock(memberId)).orElse(false);
    }

    @Override
    public void knocked(String sessionId, String memberId, String memberName) {
        // On another thread: the ticket desk's transaction rolls back with its refusal, and the
        // knock is a change of the live session that must be recorded on its own.
        executor.execute(() -> {
            try {
                rooms.live(sessionId).ifPresent(room -> room.apply(new Command.Knock(memberId, memberName), Answer.NOBODY));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not tell the facilitators of session " + sessionId + " that a member knocked", e);
            }
        });
    }
}
