package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of every command from every kind of actor, with timers firing as time
 * passes. After each command the invariants hold; a refused command leaves the state as it was.
 */
class RandomSequencesTest {

    private static final String[] PEOPLE = {"F", "G", "p1", "p2", "p3", "p4", "p5", "zz"};
    private static final String[] MODES = {"open", "moderated", "loud"};

    /** Also checks, after every accepted command, that the media gate of the state is what the effects said. */
    @Test
    void invariantsHoldWhateverHappens() {
        int accepted = 0;
        int refused = 0;
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            LiveSession session = new LiveSession(new SessionInfo("s", "t", MediaKind.MESH, 60, Scenario.T0));
            Instant now = Scenario.T0;
            List<Effect.ScheduleTimer> timers = new ArrayList<>();
            Map<String, Effect> told = new HashMap<>();
            for (int step = 0; step < 200; step++) {
                now = now.plusMillis(random.nextInt(20_000));
                Command command = fireDueTimer(timers, now, random);
                if (command == null) command = randomCommand(random);
                String before = session.snapshot();
                Outcome outcome = session.apply(command, now);
                if (outcome.accepted()) {
                    accepted++;
                    Invariants.check(session, outcome);
                    for (Effect e : outcome.effects()) {
                        if (e instanceof Effect.ScheduleTimer t) timers.add(t);
                        if (e instanceof Effect.MediaAccess || e instanceof Effect.ScreenAccess) told.put(gateKey(e), e);
                    }
                    assertGateAsTold(session, told, "seed " + seed + " step " + step + " after " + command);
                } else {
                    refused++;
                    assertEquals(before, session.snapshot(), "seed " + seed + " step " + step + ": refused " + command + " changed the state");
                    assertTrue(outcome.deliveries().isEmpty() && outcome.effects().isEmpty());
                }
            }
        }
        assertTrue(accepted > 20_000 && refused > 20_000, "both paths exercised: " + accepted + " accepted, " + refused + " refused");
    }

    /**
     * Another instance of a cluster tells its media port the gate from the state it takes
     * ({@link LiveSession#mediaGates}); the deciding instance tells its own from the effects. Both
     * must say the same after every command, or one instance would forward a voice the session muted.
     * A gate never told is closed.
     */
    private static void assertGateAsTold(LiveSession session, Map<String, Effect> told, String where) {
        for (Effect gate : session.mediaGates()) {
            Effect closed = gate instanceof Effect.MediaAccess a ? new Effect.MediaAccess(a.participant(), false, false)
                    : new Effect.ScreenAccess(((Effect.ScreenAccess) gate).participant(), false);
            assertEquals(told.getOrDefault(gateKey(gate), closed), gate, where);
        }
    }

    private static String gateKey(Effect gate) {
        return gate instanceof Effect.MediaAccess a ? a.participant() : ((Effect.ScreenAccess) gate).participant() + ":screen";
    }

    private static Command fireDueTimer(List<Effect.ScheduleTimer> timers, Instant now, Random random) {
        for (int i = 0; i < timers.size(); i++) {
            if (!timers.get(i).at().isAfter(now) && random.nextBoolean()) return timers.remove(i).command();
        }
        return null;
    }

    static Command randomCommand(Random r) {
        String a = pick(r, PEOPLE);
        String t = pick(r, PEOPLE);
        Integer seconds = r.nextInt(5) == 0 ? null : r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(120);
        return switch (r.nextInt(40)) {
            case 0, 1, 2 -> a.startsWith("p") || a.equals("zz")
                    ? new Command.Join(a, "m-" + a, "Person " + a, Role.PARTICIPANT, r.nextInt(4) > 0)
                    : new Command.Join(a, null, "Facilitator " + a, Role.FACILITATOR, true);
            case 3 -> new Command.Disconnected(a);
            case 4 -> new Command.Resumed(a);
            case 5 -> new Command.GraceExpired(a);
            case 6 -> new Command.ConsentStatus("m-" + a, r.nextBoolean());
            case 7 -> new Command.MembershipRevoked(r.nextInt(4) == 0 ? "m-" + a : "m-none");
            case 8 -> new Command.FloorTimeUp(t, Scenario.T0.plusSeconds(r.nextInt(1000)));
            case 9 -> new Command.Leave(a);
            case 10 -> new Command.RaiseHand(a);
            case 11 -> new Command.LowerHand(a);
            case 12 -> new Command.YieldFloor(a);
            case 13 -> new Command.PassRound(a);
            case 14 -> r.nextInt(4) == 0 ? new Command.ShareScreen(a, r.nextInt(3) > 0) : new Command.SelfMedia(a, r.nextBoolean() ? null : r.nextBoolean(), r.nextBoolean() ? null : r.nextBoolean());
            case 15 -> new Command.RequestSupport(a, r.nextBoolean() ? null : "note");
            case 16 -> new Command.Signal(a, t, r.nextBoolean() ? "{}" : "");
            case 17, 18, 19 -> new Command.Admit(a, t);
            case 20 -> new Command.AdmitAll(a);
            case 21 -> new Command.Deny(a, t, null);
            case 22 -> new Command.Remove(a, t, "reason");
            case 23 -> new Command.Mute(a, t);
            case 24 -> new Command.MuteAll(a);
            case 25 -> new Command.RequestUnmute(a, t);
            case 26 -> new Command.SetMode(a, pick(r, MODES));
            case 27 -> new Command.Lock(a, r.nextInt(3) == 0);
            case 28, 29 -> new Command.GrantFloor(a, t, seconds);
            case 30 -> new Command.RevokeFloor(a);
            case 31 -> new Command.StartRound(a, r.nextBoolean() ? null : List.of(t, pick(r, PEOPLE)), seconds);
            case 32 -> r.nextBoolean() ? new Command.NextInRound(a) : new Command.StopRound(a);
            case 33 -> r.nextInt(20) == 0 ? new Command.End(a)
                    : r.nextInt(20) == 0 ? new Command.Restarted(Scenario.T0.plusSeconds(r.nextInt(4000)))
                    : r.nextInt(10) == 0 ? new Command.SendToWaiting(a, t, r.nextBoolean() ? null : "a moment, please")
                    : new Command.MessageWaiting(a, "hello", r.nextBoolean() ? null : t);
            case 34 -> new Command.AcknowledgeSupport(a, "sr" + r.nextInt(4) + "-" + Long.toString(Scenario.T0.toEpochMilli(), 36));
            case 35 -> new Command.MessageFacilitators(a, r.nextInt(5) == 0 ? " " : "a word");
            case 36 -> new Command.SendMessage(a, "a word", r.nextBoolean() ? null : t);
            case 38 -> new Command.Speaking(a, r.nextInt(3) > 0);
            case 37 -> new Command.CheckInPolicy(r.nextInt(3) == 0);
            default -> new Command.CheckedIn("m-" + a, new CheckInNote("Home", "0123", null, r.nextBoolean()));
        };
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
