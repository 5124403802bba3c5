package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Talk time counts only what the group could hear: from a person's "speaking" until their
 * "stopped", cut short by a mute, a drop, leaving or the end, and it reaches facilitators only.
 */
class TalkTimeTest {

    /** F facilitating, A and B admitted with their microphones on, W waiting. */
    private static Scenario room() {
        Scenario s = Scenario.withFacilitator().admitted("A", "B").waiting("W");
        s.ok(new Command.SelfMedia("A", true, true));
        s.ok(new Command.SelfMedia("B", true, true));
        return s;
    }

    private static AttendanceRow row(Scenario s, String id) {
        return s.session.people.get(id).attendance();
    }

    private static Event.TalkEntry entry(Event.TalkTime t, String id) {
        return t.participants().stream().filter(e -> e.participant().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aStretchCountsFromSpeakingToStopped() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.later(7).ok(new Command.Speaking("A", false));
        s.later(3).ok(new Command.Speaking("A", true));
        s.later(5).ok(new Command.Speaking("A", false));
        assertEquals(12, row(s, "A").speakingSeconds());
        assertEquals(0, row(s, "B").speakingSeconds());
    }

    @Test
    void repeatsChangeNothing() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.later(4).ok(new Command.Speaking("A", true));
        assertTrue(s.last.deliveries().isEmpty(), "a second 'speaking' tells nobody anything");
        s.later(4).ok(new Command.Speaking("A", false));
        s.later(4).ok(new Command.Speaking("A", false));
        assertEquals(8, row(s, "A").speakingSeconds(), "counted from the first 'speaking' to the first 'stopped'");
    }

    @Test
    void aMuteEndsTheStretchEvenIfTheBrowserNeverSaysStopped() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.later(6).ok(new Command.Mute("F", "A"));
        s.later(60).ok(new Command.Speaking("A", false));
        assertEquals(6, row(s, "A").speakingSeconds());
    }

    @Test
    void speakingWhileMutedCountsNothing() {
        Scenario s = room();
        s.ok(new Command.Mute("F", "A"));
        s.ok(new Command.Speaking("A", true));
        s.later(30).ok(new Command.SelfMedia("A", true, null));
        s.later(10).ok(new Command.Speaking("A", false));
        assertEquals(0, row(s, "A").speakingSeconds(), "the voice detection ran ahead of the mute: nobody heard it");
    }

    @Test
    void moderatedModeMutingEndsTheStretch() {
        Scenario s = room();
        s.ok(new Command.Speaking("B", true));
        s.later(5).ok(new Command.SetMode("F", "moderated"));
        s.later(20).ok(new Command.Speaking("B", false));
        assertEquals(5, row(s, "B").speakingSeconds());
    }

    @Test
    void aDropLeavingAndTheEndEachEndIt() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.ok(new Command.Speaking("B", true));
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        s.ok(new Command.SelfMedia("G", true, null));
        s.ok(new Command.Speaking("G", true));
        s.later(3).ok(new Command.Disconnected("A"));
        s.later(4).ok(new Command.Leave("B"));
        s.later(5).ok(new Command.End("F"));
        assertEquals(3, row(s, "A").speakingSeconds());
        assertEquals(7, row(s, "B").speakingSeconds());
        assertEquals(12, row(s, "G").speakingSeconds(), "a facilitator's talk time counts too");
        assertTrue(s.session.people.values().stream().allMatch(p -> p.speakingSince == null));
    }

    @Test
    void aWaitingPersonIsRefusedAndNothingCounts() {
        Scenario s = room();
        s.refused(new Command.Speaking("W", true), ErrorCode.NOT_ADMITTED);
    }

    @Test
    void aNewStintStartsFromZero() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.later(9).ok(new Command.SendToWaiting("F", "A", null));
        assertEquals(9, row(s, "A").speakingSeconds(), "the first stint keeps its nine seconds");
        s.ok(new Command.Leave("A"));
        s.ok(new Command.Join("A", "m-A", "Person-A", Role.PARTICIPANT, true));
        assertEquals(0, row(s, "A").speakingSeconds(), "a second stint counts from zero");
    }

    @Test
    void onlyFacilitatorsHearTalkTimeAndOnlyWhenItChanges() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        Event.TalkTime t = s.to("F", Event.TalkTime.class).get(0);
        assertTrue(entry(t, "A").speaking());
        assertEquals(List.of(), s.to("A", Event.TalkTime.class), "members never hear talk time, not even their own");
        assertEquals(List.of(), s.to("B", Event.TalkTime.class));
        assertEquals(List.of(), s.to("W", Event.TalkTime.class));
        s.later(11).ok(new Command.Speaking("A", false));
        t = s.to("F", Event.TalkTime.class).get(0);
        assertFalse(entry(t, "A").speaking());
        assertEquals(11, entry(t, "A").speakingSeconds());
        s.ok(new Command.RaiseHand("B"));
        assertEquals(List.of(), s.to("F", Event.TalkTime.class), "nothing new about talk time, nothing sent");
    }

    @Test
    void floorTimeIsInTheSameView() {
        Scenario s = room();
        s.ok(new Command.GrantFloor("F", "B", 60));
        s.later(42).ok(new Command.RevokeFloor("F"));
        assertEquals(42, entry(s.to("F", Event.TalkTime.class).get(0), "B").floorSeconds());
    }

    @Test
    void aFacilitatorArrivingLateGetsTheWholePicture() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.later(5).ok(new Command.Speaking("A", false));
        s.ok(new Command.Join("G", null, "Co", Role.FACILITATOR, true));
        assertEquals(5, entry(s.to("G", Event.TalkTime.class).get(0), "A").speakingSeconds());
    }

    @Test
    void talkTimeSurvivesARestart() {
        Scenario s = room();
        s.ok(new Command.Speaking("A", true));
        s.later(5).ok(new Command.Speaking("A", false));
        s.ok(new Command.Speaking("B", true));
        Scenario back = new Scenario(LiveSession.restore(s.session.save()));
        back.now = s.now;
        assertEquals(s.session.snapshot(), back.session.snapshot());
        back.later(2).ok(new Command.Restarted(back.now));
        assertEquals(5, row(back, "A").speakingSeconds());
        assertEquals(2, row(back, "B").speakingSeconds(), "a restart drops every connection, which ends B's stretch");
    }
}
