package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.circle.group.entity.MemberRevoked;
import org.circle.session.Command;

/** A revoked membership ends that member's live connections (close 4004), once it is committed. */
@ApplicationScoped
public class Revocations {

    @Inject
    Rooms rooms;

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberRevoked event) {
        Command revoked = new Command.MembershipRevoked(event.memberId());
        rooms.all().forEach(room -> room.apply(revoked, Answer.NOBODY));
    }
}
