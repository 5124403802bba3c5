package org.circle.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the session last told its people, and the deliveries that bring them up to date after
 * a command. A person who needs the whole picture (just admitted, or back after a dropped
 * connection) gets it in full; everyone else gets only what changed.
 */
final class Broadcasts {

    private Event.Roster roster = new Event.Roster(List.of());
    private Event.Hands hands = new Event.Hands(List.of());
    private Event.FloorChanged floor = new Event.FloorChanged(null, null);
    private Event.RoundChanged round = new Event.RoundChanged(false, List.of(), null, 0);
    private Event.ModeChanged mode = new Event.ModeChanged(Mode.OPEN);
    private Event.SessionStateChanged state = new Event.SessionStateChanged(SessionState.OPEN, false);
    private Event.WaitingList waiting = new Event.WaitingList(List.of());
    private Event.TalkTime talk = new Event.TalkTime(List.of());
    private final Map<String, Effect.MediaAccess> access = new HashMap<>();
    /** Who the media port was last told may share their screen. */
    private final java.util.Set<String> sharing = new java.util.HashSet<>();
    private final Map<String, AttendanceRow> attendance = new HashMap<>();
    private Effect.StateChanged stateEffect = new Effect.StateChanged(SessionState.OPEN, false);

    List<Delivery> derive(LiveSession s, Changes changes, Instant now) {
        List<Delivery> out = addressed(s, changes);
        if (!s.ended()) tellWhatChanged(s, changes, out);
        effects(s, changes);
        return out;
    }

    /** Takes what is true now as what everyone was told: for a session restored from its saved form. */
    void prime(LiveSession s) {
        Changes discarded = new Changes();
        tellWhatChanged(s, discarded, new ArrayList<>());
        effects(s, discarded);
    }

    /** The events a command addressed itself. */
    private List<Delivery> addressed(LiveSession s, Changes changes) {
        List<Delivery> out = new ArrayList<>();
        for (Changes.Addressed a : changes.events) {
            List<String> to = resolve(s, a.to(), a.one());
            if (!to.isEmpty()) out.add(new Delivery(a.event(), to));
        }
        return out;
    }

    private void tellWhatChanged(LiveSession s, Changes changes, List<Delivery> out) {
        Event.Roster nowRoster = roster(s);
        Event.Hands nowHands = new Event.Hands(s.hands.entries());
        Event.FloorChanged nowFloor = new Event.FloorChanged(s.floor.holder, s.floor.endsAt);
        Event.RoundChanged nowRound = s.round.event();
        Event.ModeChanged nowMode = new Event.ModeChanged(s.mode);
        Event.SessionStateChanged nowState = new Event.SessionStateChanged(s.state, s.locked, s.facilitatorPresent());
        Event.WaitingList nowWaiting = waitingList(s);
        Event.TalkTime nowTalk = s.talk().event();

        Set<String> fresh = new LinkedHashSet<>();
        for (String id : changes.needPicture) {
            Person p = s.person(id);
            if (p != null && p.admitted()) fresh.add(id);
        }
        for (String id : fresh) {
            List<String> one = List.of(id);
            Event rosterForThem = s.person(id).facilitator() ? nowRoster : nowRoster.withoutMemberNames();
            for (Event e : List.of(rosterForThem, nowHands, nowFloor, nowRound, nowMode, nowState)) out.add(new Delivery(e, one));
            if (s.person(id).facilitator()) {
                out.add(new Delivery(nowWaiting, one));
                out.add(new Delivery(nowTalk, one));
            }
        }
        // Support requests made while a facilitator was away (or before anyone came) are still open.
        for (String id : fresh) {
            if (s.person(id).facilitator()) for (Event e : s.support.openRequests()) out.add(new Delivery(e, List.of(id)));
        }
        List<String> others = new ArrayList<>(resolve(s, Changes.To.ADMITTED, null));
        others.removeAll(fresh);
        if (!nowRoster.equals(roster)) {
            add(out, nowRoster, others.stream().filter(id -> s.person(id).facilitator()).toList());
            add(out, nowRoster.withoutMemberNames(), others.stream().filter(id -> !s.person(id).facilitator()).toList());
        }
        if (!nowHands.equals(hands)) add(out, nowHands, others);
        if (!nowFloor.equals(floor)) add(out, nowFloor, others);
        if (!nowRound.equals(round)) add(out, nowRound, others);
        if (!nowMode.equals(mode)) add(out, nowMode, others);
        if (!nowState.equals(state)) add(out, nowState, others);
        if (!nowWaiting.equals(waiting) || !nowTalk.equals(talk)) {
            List<String> facilitators = new ArrayList<>(resolve(s, Changes.To.FACILITATORS, null));
            facilitators.removeAll(fresh);
            if (!nowWaiting.equals(waiting)) add(out, nowWaiting, facilitators);
            if (!nowTalk.equals(talk)) add(out, nowTalk, facilitators);
        }
        roster = nowRoster;
        hands = nowHands;
        floor = nowFloor;
        round = nowRound;
        mode = nowMode;
        state = nowState;
        waiting = nowWaiting;
        talk = nowTalk;
    }

    private void effects(LiveSession s, Changes changes) {
        for (Person p : s.people.values()) {
            var nowAccess = s.mediaAccess(p);
            var before = access.get(p.id);
            if (before == null ? nowAccess.mayPublish() : !before.equals(nowAccess)) changes.effect(nowAccess);
            access.put(p.id, nowAccess);
            if (p.screen != sharing.contains(p.id)) {
                changes.effect(new Effect.ScreenAccess(p.id, p.screen));
                if (p.screen) sharing.add(p.id); else sharing.remove(p.id);
            }
            AttendanceRow row = p.attendance();
            if (!row.equals(attendance.put(p.id, row))) changes.effect(new Effect.AttendanceChanged(row));
        }
        var nowState = new Effect.StateChanged(s.state, s.locked);
        if (!nowState.equals(stateEffect)) changes.effect(nowState);
        stateEffect = nowState;
    }

    private static void add(List<Delivery> out, Event e, List<String> to) {
        if (!to.isEmpty()) out.add(new Delivery(e, List.copyOf(to)));
    }

    static Event.Roster roster(LiveSession s) {
        List<Event.RosterEntry> entries = s.people.values().stream().filter(Person::admitted)
                .sorted(Comparator.comparingLong(p -> p.admissionOrder))
                .map(p -> new Event.RosterEntry(p.id, p.displayName, p.role, p.audio, p.video, p.connected, s.hands.contains(p.id), p.memberName, p.screen))
                .toList();
        return new Event.Roster(entries);
    }

    static Event.WaitingList waitingList(LiveSession s) {
        List<Event.WaitingEntry> entries = s.people.values().stream().filter(Person::waiting)
                .sorted(Comparator.comparing((Person p) -> p.waitingSince))
                .map(p -> new Event.WaitingEntry(p.id, p.displayName, p.waitingSince, p.consentComplete, p.memberName, s.checkedIn(p),
                        p.memberId != null && s.checkIns.containsKey(p.memberId) && s.checkIns.get(p.memberId).privateSpace(), s.alsoAdmitted(p)))
                .toList();
        return new Event.WaitingList(entries);
    }

    static List<String> resolve(LiveSession s, Changes.To to, String one) {
        List<String> ids = new ArrayList<>();
        for (Person p : s.people.values()) {
            boolean match = switch (to) {
                case ONE -> Objects.equals(p.id, one);
                case ADMITTED -> p.admitted();
                case FACILITATORS -> p.admitted() && p.facilitator();
                case WAITING -> p.waiting();
                case PRESENT -> p.status.present();
            };
            if (match) ids.add(p.id);
        }
        return ids;
    }
}
