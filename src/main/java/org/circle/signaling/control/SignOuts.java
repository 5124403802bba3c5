package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.circle.account.entity.SignedOut;
import org.circle.group.control.Sessions;
import org.circle.group.control.Tickets;
import org.circle.group.entity.FacilitatorRemoved;
import org.circle.group.entity.ScheduledSession;
import org.circle.session.Command;

/**
 * Live control ends with the login that gave it: once a logout (or a facilitator's removal from a
 * group) is committed, that facilitator leaves every live session it reached (their sockets close
 * with 1000, their resume tokens no longer resume) and their unused tickets are void. A logout ends
 * the facilitator's control on every device: a clinic would rather sign in again than leave a
 * forgotten tablet in charge of a group.
 */
@ApplicationScoped
public class SignOuts {

    private static final Logger LOG = Logger.getLogger(SignOuts.class.getName());

    @Inject
    Rooms rooms;

    @Inject
    Tickets tickets;

    @Inject
    Sessions sessions;

    void signedOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignedOut event) {
        end(event.facilitatorId(), null);
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FacilitatorRemoved event) {
        end(event.facilitatorId(), sessions.of(event.groupId()).stream().map(ScheduledSession::id).collect(Collectors.toSet()));
    }

    /** In the given sessions, or in all of them when {@code sessionIds} is null. */
    private void end(String facilitatorId, Set<String> sessionIds) {
        int voided = tickets.voidFacilitatorTickets(facilitatorId, sessionIds);
        Command leave = new Command.Leave(Participants.facilitator(facilitatorId));
        for (Room room : rooms.all()) {
            if (sessionIds == null || sessionIds.contains(room.id())) room.apply(leave, Answer.NOBODY);
        }
        LOG.info(() -> "facilitator " + facilitatorId + " signed out of live control; " + voided + " unused tickets void");
    }
}
