package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.circle.consent.entity.ConsentChanged;
import org.circle.session.Command;

/**
 * Brings committed consent decisions into live sessions: the facilitators' waiting list shows
 * the new state, and an admitted member whose consent is no longer complete goes back to waiting.
 * It reads no database: the event carries what the change means (see {@link ConsentChanged}).
 */
@ApplicationScoped
public class ConsentChanges {

    @Inject
    Rooms rooms;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentChanged event) {
        if (!event.effectiveNow()) return; // from the next session: running sessions keep what they started with
        event.completeByMember().forEach((member, complete) -> {
            Command status = new Command.ConsentStatus(member, complete);
            rooms.all().forEach(room -> room.apply(status, Answer.NOBODY));
        });
    }
}
