package org.circle.session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Turns a live session into its {@link SavedSession} and back; the only code that knows both shapes. */
final class Saving {

    private Saving() { }

    static SavedSession save(LiveSession s) {
        List<SavedSession.SavedPerson> people = new ArrayList<>();
        for (Person p : s.people.values()) {
            people.add(new SavedSession.SavedPerson(p.id, p.memberId, p.displayName, p.memberName, p.role, p.status, p.audio, p.video,
                    p.connected, p.disconnectedAt, p.lostAt, p.consentComplete, p.waitingSince, p.admittedAt, p.leftAt,
                    p.admissionOrder, p.floorMillis, p.turns, p.endedWhilePresent, p.stint, p.speakingMillis, p.speakingSince, p.secondDevice, p.screen));
        }
        List<SavedSession.Hand> hands = s.hands.entries().stream().map(h -> new SavedSession.Hand(h.participant(), h.since())).toList();
        return new SavedSession(s.info, s.state, s.mode, s.locked, people, List.copyOf(new TreeSet<>(s.barredMembers)), hands,
                new SavedSession.SavedFloor(s.floor.holder, s.floor.endsAt, s.floor.since, s.floor.expired),
                new SavedSession.SavedRound(s.round.active, s.round.order, s.round.index, s.round.seconds, s.round.passed), s.admissions,
                s.support.save(s.messages),
                s.facilitatorsAwaySince, s.knocks.values().stream().map(k -> new SavedSession.SavedKnock(k.id(), k.memberId(), k.memberName(), k.at())).toList(),
                List.copyOf(new TreeSet<>(s.letIn)), s.knockCount);
    }

    static LiveSession restore(SavedSession saved) {
        LiveSession s = new LiveSession(saved.info());
        s.state = saved.state();
        s.mode = saved.mode();
        s.locked = saved.locked();
        for (SavedSession.SavedPerson sp : saved.people()) {
            Person p = new Person(sp.id(), sp.memberId(), sp.displayName(), sp.memberName(), sp.role(), sp.consentComplete());
            p.status = sp.status();
            p.audio = sp.audio();
            p.video = sp.video();
            p.screen = sp.screen(); // a form saved before screens were shared reads false
            p.connected = sp.connected();
            p.disconnectedAt = sp.disconnectedAt();
            p.lostAt = sp.lostAt();
            p.waitingSince = sp.waitingSince();
            p.admittedAt = sp.admittedAt();
            p.leftAt = sp.leftAt();
            p.admissionOrder = sp.admissionOrder();
            p.floorMillis = sp.floorMillis();
            p.turns = sp.turns();
            p.endedWhilePresent = sp.endedWhilePresent();
            p.stint = sp.stint();
            p.speakingMillis = sp.speakingMillis();
            p.speakingSince = sp.speakingSince();
            p.secondDevice = sp.secondDevice();
            s.people.put(p.id, p);
            // A second device that was never admitted is not the member's device (see Admission).
            if (p.role == Role.PARTICIPANT && p.memberId != null && !p.secondDevice) s.byMember.put(p.memberId, p.id);
        }
        s.barredMembers.addAll(saved.barredMembers());
        for (SavedSession.Hand h : saved.hands()) s.hands.raise(h.participant(), h.since());
        s.floor.holder = saved.floor().holder();
        s.floor.endsAt = saved.floor().endsAt();
        s.floor.since = saved.floor().since();
        s.floor.expired = saved.floor().expired();
        s.round.active = saved.round().active();
        s.round.order.addAll(saved.round().order());
        s.round.index = saved.round().index();
        s.round.seconds = saved.round().seconds();
        s.round.passed.addAll(saved.round().passed());
        s.admissions = saved.admissions();
        if (saved.care() != null) {
            s.checkInRequired = saved.care().checkInRequired();
            s.checkIns.putAll(saved.care().checkIns());
            s.support.restore(saved.care());
            s.messages.restore(saved.care().messagesSent(), saved.care().messagePace());
        }
        s.facilitatorsAwaySince = saved.facilitatorsAwaySince();
        for (SavedSession.SavedKnock k : saved.knocks()) s.knocks.put(k.memberId(), new Knocks.Knock(k.id(), k.memberId(), k.memberName(), k.at()));
        s.letIn.addAll(saved.letIn());
        s.knockCount = saved.knockCount();
        s.primeBroadcasts(); // what it told before is what is true now: nothing to announce
        return s;
    }
}
