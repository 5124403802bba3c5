package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A saved session is the session: restored from its saved form (through Java serialization, as a
 * data grid or the database keeps it), it equals the original and answers every later command
 * exactly as the original does, frame for frame and effect for effect.
 */
class SavingTest {

    /** Bob removed, the session locked and moderated, two hands up, A on the floor with a timer, W waiting. */
    static Scenario busy() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B", "C", "Bob").waiting("W");
        s.later(5).ok(new Command.Remove("F", "Bob", "time to go"));
        s.ok(new Command.Lock("F", true));
        s.ok(new Command.SetMode("F", "moderated"));
        s.later(3).ok(new Command.RaiseHand("B"));
        s.later(1).ok(new Command.RaiseHand("C"));
        s.ok(new Command.GrantFloor("F", "A", 90));
        s.ok(new Command.SelfMedia("A", true, true));
        return s;
    }

    static SavedSession throughBytes(SavedSession saved) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(saved);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (SavedSession) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRestoredSessionEqualsTheOneThatWasSaved() {
        Scenario s = busy();
        SavedSession saved = s.session.save();
        SavedSession back = throughBytes(saved);
        assertEquals(saved, back, "the serial form keeps every value");
        LiveSession restored = LiveSession.restore(back);
        assertEquals(s.session.snapshot(), restored.snapshot());
        assertEquals(saved, restored.save());
        assertEquals(s.session.view(), restored.view());
        assertEquals(s.session.participants(), restored.participants());
        assertEquals(List.of("B", "C"), restored.handQueue());
        assertEquals("A", restored.floorHolder().orElseThrow());
        assertTrue(restored.view().locked());
        assertEquals(Mode.MODERATED, restored.view().mode());
    }

    @Test
    void theSavedFormChangesWhenTheSessionDoes() {
        Scenario s = busy();
        SavedSession before = s.session.save();
        s.ok(new Command.LowerHand("C"));
        assertNotEquals(before, s.session.save());
        SavedSession now = s.session.save();
        s.ok(new Command.MessageWaiting("F", "soon", null));
        assertEquals(now, s.session.save(), "a message to the waiting room changes nothing that lasts");
    }

    @Test
    void aRestoredSessionHasNothingNewToTell() {
        Scenario s = busy();
        LiveSession restored = LiveSession.restore(throughBytes(s.session.save()));
        Outcome original = s.session.apply(new Command.RaiseHand("B"), s.now);
        Outcome copy = restored.apply(new Command.RaiseHand("B"), s.now);
        assertEquals(original, copy);
        assertTrue(copy.deliveries().isEmpty() && copy.effects().isEmpty(), "raising a raised hand tells nobody anything: " + copy);
    }

    @Test
    void aRestoredSessionAnswersEveryLaterCommandAsTheOriginalDoes() {
        int compared = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            LiveSession original = new LiveSession(new SessionInfo("s", "t", MediaKind.MESH, 60, Scenario.T0));
            Instant now = Scenario.T0;
            int saveAt = 20 + random.nextInt(120);
            LiveSession copy = null;
            for (int step = 0; step < 200; step++) {
                now = now.plusMillis(random.nextInt(20_000));
                Command command = RandomSequencesTest.randomCommand(random);
                if (step == saveAt) copy = LiveSession.restore(throughBytes(original.save()));
                Outcome a = original.apply(command, now);
                if (copy != null) {
                    Outcome b = copy.apply(command, now);
                    assertEquals(a, b, "seed " + seed + " step " + step + ": " + command);
                    assertEquals(original.save(), copy.save(), "seed " + seed + " step " + step);
                    compared++;
                }
            }
        }
        assertTrue(compared > 10_000, "compared " + compared);
    }
}
