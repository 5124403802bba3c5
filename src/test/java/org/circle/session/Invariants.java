package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What must hold after every command, whatever came before. */
final class Invariants {

    private Invariants() { }

    static void check(LiveSession s, Outcome outcome) {
        String holder = s.floor.holder;
        if (holder != null) assertTrue(s.person(holder).admitted(), "the floor holder is admitted: " + s.snapshot());
        List<String> queue = s.handQueue();
        assertEquals(queue.size(), new HashSet<>(queue).size(), "no hand twice");
        for (String id : queue) assertTrue(s.person(id).admitted(), "hands only from admitted people");
        if (s.round.active) {
            String current = s.round.current();
            assertTrue(current != null && s.person(current).admitted(), "the round's current person is admitted");
            assertEquals(current, holder, "the round's current person holds the floor");
        }
        if (s.ended()) assertTrue(holder == null && !s.round.active);
        for (Person p : s.people.values()) {
            if (p.waiting()) assertFalse(p.audio || p.video, "a waiting person's camera and microphone are off: " + p);
            if (p.screen) {
                assertTrue(p.admitted() && !s.ended() && (p.facilitator() || p.id.equals(holder)),
                        "only facilitators and the floor holder share a screen: " + s.snapshot());
            }
            if (p.speakingSince != null) {
                assertTrue(p.admitted() && p.audio && p.connected && !s.ended(), "talk time runs only while the group can hear: " + p);
            }
            if (s.mode == Mode.MODERATED && p.admitted() && !p.facilitator() && p.audio) {
                assertEquals(p.id, holder, "in moderated mode only facilitators and the floor holder are unmuted: " + s.snapshot());
            }
        }
        for (Delivery d : outcome.deliveries()) {
            for (String to : d.recipients()) {
                Person p = s.person(to);
                if (p.admitted()) continue;
                assertTrue(aboutOnlyThemselves(d.event(), to), "a waiting or departed person got " + d.event());
            }
            for (String waiting : waitingIds(s)) {
                if (d.event() instanceof Event.WaitingList) continue;
                if (d.recipients().equals(List.of(waiting))) continue;
                assertFalse(mentions(d.event(), waiting) && !onlyFacilitators(s, d),
                        "nobody but facilitators hears of waiting person " + waiting + ": " + d.event());
            }
            if (d.event() instanceof Event.WaitingList || d.event() instanceof Event.SupportRequested || d.event() instanceof Event.SupportClosed
                    || d.event() instanceof Event.ParticipantDropped || d.event() instanceof Event.TalkTime) {
                assertTrue(onlyFacilitators(s, d), d.event() + " only to facilitators");
            }
            if (d.event() instanceof Event.Message m) {
                for (String to : d.recipients()) {
                    boolean meant = to.equals(m.from()) || s.person(to).facilitator() || to.equals(m.to())
                            || (m.to().equals("everyone") && s.person(to).admitted());
                    assertTrue(meant, "a message reaches its sender, its addressee and facilitators only: " + m + " to " + to);
                }
            }
            if (d.event() instanceof Event.SupportAcknowledged) assertEquals(1, d.recipients().size(), "an acknowledgement goes to the one who asked");
        }
    }

    private static boolean aboutOnlyThemselves(Event e, String to) {
        if (e instanceof Event.Message m) return m.to().equals(to) || m.from().equals(to);
        return e instanceof Event.Waiting || e instanceof Event.Admitted || e instanceof Event.Denied
                || e instanceof Event.Removed || e instanceof Event.SessionEnded || e instanceof Event.SupportAcknowledged;
    }

    private static boolean onlyFacilitators(LiveSession s, Delivery d) {
        return d.recipients().stream().allMatch(id -> s.person(id).facilitator());
    }

    private static Set<String> waitingIds(LiveSession s) {
        Set<String> ids = new HashSet<>();
        for (Person p : s.people.values()) if (p.waiting()) ids.add(p.id);
        return ids;
    }

    private static boolean mentions(Event e, String id) {
        return names(e).contains(id);
    }

    /** Every participant id an event names. */
    static Set<String> names(Event e) {
        Set<String> ids = new HashSet<>();
        if (e instanceof Event.Roster r) r.participants().forEach(p -> ids.add(p.id()));
        else if (e instanceof Event.Hands h) h.queue().forEach(x -> ids.add(x.participant()));
        else if (e instanceof Event.FloorChanged f) ids.add(f.participant());
        else if (e instanceof Event.FloorExpired f) ids.add(f.participant());
        else if (e instanceof Event.RoundChanged r) { ids.addAll(r.order()); ids.add(r.current()); }
        else if (e instanceof Event.Muted m) { ids.add(m.participant()); ids.add(m.by()); }
        else if (e instanceof Event.UnmuteRequested u) ids.add(u.by());
        else if (e instanceof Event.WaitingList w) w.waiting().forEach(x -> ids.add(x.id()));
        else if (e instanceof Event.SupportRequested r) ids.add(r.participant());
        else if (e instanceof Event.ParticipantDropped r) ids.add(r.participant());
        else if (e instanceof Event.SignalRelayed r) ids.add(r.from());
        else if (e instanceof Event.Message m) { ids.add(m.from()); ids.add(m.to()); }
        ids.remove(null);
        return ids;
    }
}
