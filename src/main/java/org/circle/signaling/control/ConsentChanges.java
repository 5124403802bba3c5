package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.circle.consent.control.ConsentLedger;
import org.circle.consent.entity.ConsentChanged;
import org.circle.group.control.Members;
import org.circle.session.Command;

/**
 * Brings committed consent decisions into live sessions: the facilitators' waiting list shows
 * the new state, and an admitted member whose consent is no longer complete goes back to waiting.
 */
@ApplicationScoped
public class ConsentChanges {

    @Inject
    Rooms rooms;

    @Inject
    ConsentLedger ledger;

    @Inject
    Members members;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentChanged event) {
        if (event.memberId() != null) {
            tell(event.groupId(), event.memberId());
        } else {
            members.of(event.groupId()).forEach(m -> tell(event.groupId(), m.id()));
        }
    }

    private void tell(String groupId, String memberId) {
        Command status = new Command.ConsentStatus(memberId, ledger.isComplete(groupId, memberId));
        rooms.all().forEach(room -> room.apply(status, Answer.NOBODY));
    }
}
