package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circle.care.control.CheckIns;
import org.circle.care.control.GroupCare;
import org.circle.care.entity.CareSettingsChanged;
import org.circle.care.entity.CheckInMode;
import org.circle.care.entity.CheckedIn;
import org.circle.group.control.Sessions;
import org.circle.session.CheckInNote;
import org.circle.session.Command;

/**
 * Brings members' safety check-ins into their live session, for the facilitators: the one a
 * member already made when they arrive, and each one committed while the session runs; and the
 * group's check-in setting, which the core's admission gate follows. The details travel in
 * memory only; they are never logged.
 */
@ApplicationScoped
public class LiveCheckIns {

    @Inject
    Rooms rooms;

    @Inject
    CheckIns checkIns;

    @Inject
    GroupCare care;

    @Inject
    Sessions sessions;

    void checkedIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckedIn event) {
        var note = new CheckInNote(event.location(), event.phone(), blankAsNone(event.emergencyContact()), event.privateSpace());
        rooms.live(event.sessionId()).ifPresent(room -> room.apply(new Command.CheckedIn(event.memberId(), note), Answer.NOBODY));
    }

    void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CareSettingsChanged event) {
        Command policy = new Command.CheckInPolicy(event.checkIn() == CheckInMode.REQUIRED);
        for (Room room : rooms.all()) {
            if (sessions.find(room.id()).filter(s -> s.groupId().equals(event.groupId())).isPresent()) room.apply(policy, Answer.NOBODY);
        }
    }

    /**
     * What a room needs to know as a member enters it: the group's check-in setting and the
     * member's current check-in. One transaction, so both are read as one consistent picture
     * (and the persistence context is a proper one on a socket's thread).
     */
    @Transactional
    public List<Command> arrival(String groupId, String sessionId, String memberId) {
        List<Command> commands = new ArrayList<>();
        commands.add(policy(groupId));
        standing(sessionId, memberId).ifPresent(commands::add);
        return commands;
    }

    /** The group's check-in setting as it stands, for a room someone is entering. */
    public Command.CheckInPolicy policy(String groupId) {
        return new Command.CheckInPolicy(care.of(groupId).checkIn() == CheckInMode.REQUIRED);
    }

    /** The member's current check-in for the session, opened, for their arrival; none when the key no longer opens it. */
    public Optional<Command.CheckedIn> standing(String sessionId, String memberId) {
        if (memberId == null) return Optional.empty();
        return checkIns.of(sessionId, memberId).map(checkIns::open).filter(CheckIns.Details::readable)
                .map(d -> new Command.CheckedIn(memberId,
                        new CheckInNote(d.location(), d.phone(), blankAsNone(d.emergencyContact()), d.privateSpace())));
    }

    private static String blankAsNone(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
