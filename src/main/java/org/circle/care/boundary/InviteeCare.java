package org.circle.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.circle.care.control.CheckOuts;
import org.circle.care.control.GroupCare;
import org.circle.care.entity.CareSettings;

/**
 * What the join page needs from care, shown to the invitee with their invitation: whether the
 * group asks for a check-in, its crisis text, and the member's own last goal (never anyone else's).
 */
@ApplicationScoped
public class InviteeCare {

    public record LastGoal(String text, String sessionId, String at) { }

    public record View(String checkIn, String crisisText, LastGoal lastGoal) { }

    @Inject
    GroupCare groupCare;

    @Inject
    CheckOuts checkOuts;

    public View of(String groupId, String memberId) {
        CareSettings settings = groupCare.of(groupId);
        LastGoal goal = checkOuts.lastGoal(memberId).map(g -> new LastGoal(g.text(), g.sessionId(), g.at().toString())).orElse(null);
        return new View(settings.checkIn().wire(), settings.crisisText(), goal);
    }
}
