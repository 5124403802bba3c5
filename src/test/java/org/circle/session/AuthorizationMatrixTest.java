package org.circle.session;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every facilitator command, sent by an admitted participant and by a waiting one, is refused and changes nothing. */
class AuthorizationMatrixTest {

    static List<Command> facilitatorCommands(String actor) {
        return List.of(
                new Command.Admit(actor, "W"), new Command.AdmitAll(actor), new Command.Deny(actor, "W", null),
                new Command.Remove(actor, "B", null), new Command.Mute(actor, "B"), new Command.MuteAll(actor),
                new Command.RequestUnmute(actor, "B"), new Command.SetMode(actor, "moderated"), new Command.Lock(actor, true),
                new Command.GrantFloor(actor, "B", 30), new Command.RevokeFloor(actor), new Command.StartRound(actor, null, null),
                new Command.NextInRound(actor), new Command.StopRound(actor), new Command.MessageWaiting(actor, "hi", null),
                new Command.SendToWaiting(actor, "B", null), new Command.End(actor), new Command.AcknowledgeSupport(actor, "sr1"),
                new Command.SendMessage(actor, "hi", null), new Command.SendMessage(actor, "hi", "B"));
    }

    static Stream<Arguments> matrix() {
        return Stream.of("A", "W").flatMap(actor -> facilitatorCommands(actor).stream().map(c -> Arguments.of(actor, c)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("matrix")
    void onlyFacilitatorsMayUseFacilitatorControls(String actor, Command command) {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.GrantFloor("F", "A", null));
        s.refused(command, ErrorCode.FORBIDDEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFacilitatorCommand")
    void nobodyUnknownMayActAtAll(Command command) {
        Scenario s = Scenario.withFacilitator().admitted("B").waiting("W");
        s.refused(command, ErrorCode.FORBIDDEN);
    }

    static Stream<Command> everyFacilitatorCommand() {
        return facilitatorCommands("stranger").stream();
    }
}
