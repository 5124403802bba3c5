package org.circle.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a live session is, as plain values: what must outlive the process (a restart, or
 * the session moving to another instance of a cluster) to carry on exactly where it was.
 * {@link LiveSession#save()} makes it and {@link LiveSession#restore(SavedSession)} makes the
 * session from it again; equal saved forms mean equal sessions. Serializable, because a data
 * grid stores it as it is; records, because their serial form tolerates added components.
 */
public record SavedSession(SessionInfo info, SessionState state, Mode mode, boolean locked, List<SavedPerson> people,
                           List<String> barredMembers, List<Hand> hands, SavedFloor floor, SavedRound round,
                           long admissions, SavedCare care, Instant facilitatorsAwaySince, List<SavedKnock> knocks, List<String> letIn,
                           long knockCount) implements Serializable {

    public SavedSession {
        people = List.copyOf(people);
        barredMembers = List.copyOf(barredMembers);
        hands = List.copyOf(hands);
        // A form saved before these were kept has none of them (null when read back).
        knocks = knocks == null ? List.of() : List.copyOf(knocks);
        letIn = letIn == null ? List.of() : List.copyOf(letIn);
    }

    /**
     * Care in the live session: open support requests and drop-out alerts, who acknowledged the
     * closed ones, the counters that make ids, the check-in gate and members' check-ins. Null in a
     * form saved before care was saved. It holds what members wrote: the store seals it.
     */
    public record SavedCare(List<SavedRequest> open, Map<String, String> closed, long requestsMade, long messagesSent,
                            boolean checkInRequired, Map<String, CheckInNote> checkIns,
                            Map<String, Instant> supportPace, Map<String, Instant> messagePace) implements Serializable {
        public SavedCare {
            open = List.copyOf(open);
            closed = Map.copyOf(closed);
            checkIns = Map.copyOf(checkIns);
            // Paces: when each person's allowance is full again (see Pace); none in an older form.
            supportPace = supportPace == null ? Map.of() : Map.copyOf(supportPace);
            messagePace = messagePace == null ? Map.of() : Map.copyOf(messagePace);
        }
    }

    /** {@code count} and {@code lastAt}: repeats of an open request (0 and null in a form saved before they were counted). */
    public record SavedRequest(String id, boolean dropped, String participant, String note, Instant at, int count, Instant lastAt)
            implements Serializable { }

    /** A member at the locked door (see {@code Knocks}). */
    public record SavedKnock(String id, String memberId, String memberName, Instant at) implements Serializable { }

    /** One person as the core keeps them; see {@code Person} for what each field means. */
    public record SavedPerson(String id, String memberId, String displayName, String memberName, Role role, Status status, boolean audio,
                              boolean video, boolean connected, Instant disconnectedAt, Instant lostAt,
                              boolean consentComplete, Instant waitingSince, Instant admittedAt, Instant leftAt,
                              long admissionOrder, long floorMillis, int turns, boolean endedWhilePresent,
                              int stint, long speakingMillis, Instant speakingSince, boolean secondDevice,
                              boolean screen) implements Serializable { }

    public record Hand(String participant, Instant since) implements Serializable { }

    public record SavedFloor(String holder, Instant endsAt, Instant since, boolean expired) implements Serializable { }

    /** {@code passed} is null in a form saved before passes were kept. */
    public record SavedRound(boolean active, List<String> order, int index, int seconds, List<String> passed) implements Serializable {
        public SavedRound {
            order = List.copyOf(order);
            passed = passed == null ? List.of() : List.copyOf(passed);
        }
    }
}
