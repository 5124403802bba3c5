package org.circle.signaling.control;

import org.circle.session.Command;

/** Turns a frame from a person into the session command it asks for. Decides nothing else. */
public final class Commands {

    private Commands() { }

    /** The command for a frame, or null for frames that are not session commands (media). */
    public static Command of(ClientFrame f, String actor) {
        return switch (f.type()) {
            case "hand.raise" -> new Command.RaiseHand(actor);
            case "hand.lower" -> new Command.LowerHand(actor);
            case "floor.yield" -> new Command.YieldFloor(actor);
            case "round.pass" -> new Command.PassRound(actor);
            case "leave" -> new Command.Leave(actor);
            case "self.media" -> selfMedia(f, actor);
            case "speaking" -> new Command.Speaking(actor, f.bool("active"));
            case "support.request" -> new Command.RequestSupport(actor, f.optionalText("note"));
            case "signal" -> new Command.Signal(actor, f.text("to"), f.object("payload").toString());
            case "admit" -> new Command.Admit(actor, f.text("participant"));
            case "admit.all" -> new Command.AdmitAll(actor);
            case "deny" -> new Command.Deny(actor, f.text("participant"), f.optionalText("reason"));
            case "remove" -> new Command.Remove(actor, f.text("participant"), f.optionalText("reason"));
            case "mute" -> new Command.Mute(actor, f.text("participant"));
            case "mute.all" -> new Command.MuteAll(actor);
            case "unmute.request" -> new Command.RequestUnmute(actor, f.text("participant"));
            case "mode.set" -> new Command.SetMode(actor, f.text("mode"));
            case "lock" -> new Command.Lock(actor, f.bool("locked"));
            case "floor.grant" -> new Command.GrantFloor(actor, f.text("participant"), f.optionalInt("seconds"));
            case "floor.revoke" -> new Command.RevokeFloor(actor);
            case "round.start" -> new Command.StartRound(actor, f.optionalTexts("order"), f.optionalInt("seconds"));
            case "round.next" -> new Command.NextInRound(actor);
            case "round.stop" -> new Command.StopRound(actor);
            case "waiting.message" -> new Command.MessageWaiting(actor, f.text("text"), f.optionalText("participant"));
            case "send.to.waiting" -> new Command.SendToWaiting(actor, f.text("participant"), f.optionalText("message"));
            case "session.end" -> new Command.End(actor);
            case "support.ack" -> new Command.AcknowledgeSupport(actor, f.text("id"));
            case "message.facilitators" -> new Command.MessageFacilitators(actor, f.text("text"));
            case "message.send" -> new Command.SendMessage(actor, f.text("text"), f.optionalText("participant"));
            case "lock.letIn" -> new Command.LetIn(actor, f.text("member"));
            case "media.publish", "media.subscribe", "media.accept", "media.ice" -> null;
            case "hello" -> throw f.bad("hello is only the first frame.");
            default -> throw f.bad("Unknown frame type.");
        };
    }

    /** {@code screen} starts or stops a screen share (v1.1); it comes on its own, as it is refused on its own. */
    private static Command selfMedia(ClientFrame f, String actor) {
        Boolean screen = f.optionalBool("screen");
        Boolean audio = f.optionalBool("audio");
        Boolean video = f.optionalBool("video");
        if (screen == null) return new Command.SelfMedia(actor, audio, video);
        if (audio != null || video != null) throw f.bad("Send screen in a self.media of its own, without audio or video.");
        return new Command.ShareScreen(actor, screen);
    }
}
