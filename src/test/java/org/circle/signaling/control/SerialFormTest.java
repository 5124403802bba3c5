package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.circle.session.Command;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.Role;
import org.circle.session.SessionInfo;
import org.junit.jupiter.api.Test;

/** A room as the database keeps it: the text it reads back is the room it wrote, and nothing else gets in. */
class SerialFormTest {

    private static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");

    private static LiveSession busy() {
        LiveSession s = new LiveSession(new SessionInfo("s1", "Tuesday group", MediaKind.SFU, 90, T0));
        List<Command> commands = List.of(new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true),
                new Command.Join("A", "m-A", "Sunny", Role.PARTICIPANT, true, "Alice"),
                new Command.Join("B", "m-B", "Bob", Role.PARTICIPANT, true, "Bob"),
                new Command.Join("C", "m-C", "Cy", Role.PARTICIPANT, false, "Cy"),
                new Command.AdmitAll("F"), new Command.Remove("F", "B", "no"), new Command.Lock("F", true),
                new Command.SetMode("F", "moderated"), new Command.RaiseHand("A"), new Command.StartRound("F", List.of("A"), 30));
        Instant now = T0;
        for (Command c : commands) {
            now = now.plusSeconds(3);
            assertTrue(s.apply(c, now).accepted(), c.toString());
        }
        return s;
    }

    @Test
    void theTextReadsBackAsTheRoomThatWroteIt() {
        LiveSession s = busy();
        var room = new RoomStore.StoredRoom(s.save(), Map.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "A"));
        byte[] form = SerialForm.write(room);
        var back = SerialForm.read(form, RoomStore.StoredRoom.class);
        assertEquals(room, back);
        LiveSession restored = LiveSession.restore(back.session());
        assertEquals(s.snapshot(), restored.snapshot());
        assertEquals(s.view(), restored.view());
        assertEquals(s.participants(), restored.participants());
        assertEquals(s.roundOrder(), restored.roundOrder());
        assertEquals(s.apply(new Command.NextInRound("F"), T0.plusSeconds(60)), restored.apply(new Command.NextInRound("F"), T0.plusSeconds(60)),
                "and it carries on the same");
    }

    @Test
    void aFormKeptAsTextByAnEarlierVersionStillReads() {
        var room = new RoomStore.StoredRoom(busy().save(), Map.of());
        byte[] earlier = Base64.getEncoder().encode(SerialForm.write(room)); // what was sealed until 2026-12-07
        assertEquals(room, SerialForm.read(earlier, RoomStore.StoredRoom.class));
    }

    record Intruder(String payload) implements Serializable { }

    @Test
    void aForeignClassInTheColumnIsRefused() {
        byte[] form = SerialForm.write(new Intruder("x"));
        assertThrows(RuntimeException.class, () -> SerialForm.read(form, RoomStore.StoredRoom.class));
        assertThrows(RuntimeException.class, () -> SerialForm.read(Base64.getEncoder().encode(form), RoomStore.StoredRoom.class), "nor as text");
    }
}
