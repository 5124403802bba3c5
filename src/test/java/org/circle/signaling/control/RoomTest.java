package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circle.media.IceCandidate;
import org.circle.media.MediaPort;
import org.circle.media.MediaUnavailable;
import org.circle.session.CloseCode;
import org.circle.session.Command;
import org.circle.session.Delivery;
import org.circle.session.ErrorCode;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.Outcome;
import org.circle.session.Refusal;
import org.circle.session.Role;
import org.circle.session.SessionInfo;
import org.circle.session.Status;
import org.junit.jupiter.api.Test;

/** One room with fake sockets, a clock that stands still and durable writes the test lets happen. */
class RoomTest {

    private final Backstage backstage = new Backstage();
    private Room room = room(MediaKind.MESH);

    private Room room(MediaKind kind) {
        return new Room(new LiveSession(new SessionInfo("s1", "Tuesday group", kind, 120, Backstage.T0)), backstage.surroundings());
    }

    private static Command.Join facilitator() { return new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true); }

    private static Command.Join member(String id) { return new Command.Join(id, "m-" + id, "Person " + id, Role.PARTICIPANT, true); }

    private FakeSocket joined(Command.Join join) {
        FakeSocket c = new FakeSocket(join.participantId());
        assertEquals(Optional.empty(), room.join(c.connection, new Hello.Arrival(join)));
        backstage.writeAll();
        return c;
    }

    /** An answer that keeps what it heard, as the frames the sender would read. */
    private static final class Heard implements Answer {
        final List<String> told = new ArrayList<>();
        @Override public void refused(Refusal refusal) { told.add("refused " + refusal.code()); }
        @Override public void recorded(Outcome outcome, Throwable failure) { told.add(failure == null ? "recorded" : "failed"); }
    }

    @Test
    void aPersonsFirstFrameIsTheirWelcome() {
        FakeSocket f = joined(facilitator());
                assertEquals("welcome", f.types().get(0));
        var welcome = f.written.get(0).json();
        assertEquals("F", welcome.getJsonObject("you").getString("id"));
        assertEquals("admitted", welcome.getJsonObject("you").getString("status"));
        assertEquals("live", welcome.getJsonObject("session").getString("state"));
        assertEquals("mesh", welcome.getJsonObject("session").getString("media"));
        assertFalse(welcome.getJsonObject("session").containsKey("mediaAvailable"), "only SFU sessions say whether media is available");
        assertFalse(welcome.getString("resume").isBlank());
        assertTrue(f.types().containsAll(List.of("roster", "hands", "floor", "round", "mode", "session.state", "waiting.list")));
        assertEquals("F", f.connection.participantId(), "the room told the connection whom it speaks for");
        assertEquals("s1", f.connection.sessionId());

        FakeSocket a = joined(member("A"));
        assertEquals(List.of("welcome", "waiting"), a.types(), "a waiting person learns nothing of the room");
        assertEquals("waiting", a.written.get(0).json().getJsonObject("you").getString("status"));
        assertEquals("A", f.frames("waiting.list").get(1).getJsonArray("waiting").getJsonObject(0).getString("id"));
    }

    @Test
    void anAdmissionIsRecordedBeforeAnyoneHearsOfIt() {
        FakeSocket f = joined(facilitator());
        FakeSocket a = joined(member("A"));
        backstage.recorded.clear();
        Heard heard = new Heard();

        room.apply(new Command.Admit("F", "A"), heard);
        assertEquals(List.of("attendance A admitted"), backstage.recorded);
        assertEquals("admitted", a.types().get(2));
        assertEquals(List.of("recorded"), heard.told);
        assertTrue(f.frames("roster").get(1).toString().contains("\"A\""), "the facilitator sees A in the room");
        assertEquals(Status.ADMITTED, LiveSession.restore(backstage.lastStored().session()).participant("A").orElseThrow().status(),
                "the store holds the admission");
    }

    @Test
    void aSignalIsRelayedWhileAControlIsBeingRecorded() throws Exception {
        joined(facilitator());
        FakeSocket a = joined(member("A"));
        FakeSocket b = joined(member("B"));
        room.apply(new Command.AdmitAll("F"), Answer.NOBODY);
        backstage.holdCommits = new java.util.concurrent.CountDownLatch(1);
        var locking = java.util.concurrent.CompletableFuture.runAsync(() -> room.apply(new Command.Lock("F", true), Answer.NOBODY));
        // The lock holds the session's writer, waiting for the database.
        assertTrue(backstage.committing.await(10, java.util.concurrent.TimeUnit.SECONDS), "the lock is being recorded");

        Heard heard = new Heard();
        var relaying = java.util.concurrent.CompletableFuture.runAsync(() -> room.apply(new Command.Signal("A", "B", "{\"sdp\":\"v=0\"}"), heard));
        relaying.get(10, java.util.concurrent.TimeUnit.SECONDS); // a bound on waiting: behind the writer it would wait for the lock's record
        assertEquals(List.of("recorded"), heard.told);
        assertEquals("A", b.frames("signal").get(0).getString("from"), "B has A's signal while the lock is still being recorded");
        assertTrue(b.frames("session.state").stream().noneMatch(f -> f.getBoolean("locked")), "and has not heard of the lock, which has not happened yet");

        backstage.holdCommits.countDown();
        locking.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(b.frames("session.state").stream().anyMatch(f -> f.getBoolean("locked")));
    }

    @Test
    void aSignalFromSomeoneNobodyHasHeardWasLetInIsRefused() {
        joined(facilitator());
        FakeSocket a = joined(member("A"));
        FakeSocket b = joined(member("B"));
        room.apply(new Command.Admit("F", "B"), Answer.NOBODY);
        Heard heard = new Heard();
        room.apply(new Command.Signal("A", "B", "{}"), heard);
        assertEquals(List.of("refused NOT_ADMITTED"), heard.told, "A still waits: the rules given out say so");
        room.apply(new Command.Admit("F", "A"), Answer.NOBODY);
        room.apply(new Command.Signal("A", "B", "{}"), heard);
        assertEquals("recorded", heard.told.get(1), "once A's admission is out, A may signal");
        assertTrue(b.types().indexOf("roster") < b.types().indexOf("signal"));
    }

    @Test
    void aCommandTheStoreCannotRecordIsAnErrorToItsSenderAndDidNotHappen() {
        FakeSocket f = joined(facilitator());
        FakeSocket a = joined(member("A"));
        room.apply(new Command.Admit("F", "A"), Answer.NOBODY);
        FakeSocket b = joined(member("B"));
        var storedBefore = backstage.lastStored();
        int fSaw = f.written.size();
        int aSaw = a.written.size();
        int bSaw = b.written.size();

        backstage.refuse = true;
        room.apply(new Command.Lock("F", true), Answer.to(f.connection, "c1"));
        room.apply(new Command.Remove("F", "A", null), Answer.to(f.connection, "c2"));
        room.apply(new Command.RaiseHand("A"), Answer.to(a.connection, "c3"));
        room.apply(new Command.Admit("F", "B"), Answer.to(f.connection, "c4"));
        for (String ref : List.of("c1", "c2", "c4")) {
            var error = f.written.stream().map(FakeSocket.Written::json).filter(j -> ref.equals(j.getString("ref", null))).findFirst().orElseThrow();
            assertEquals("error", error.getString("type"));
            assertEquals("NOT_RECORDED", error.getString("code"), ref);
        }
        assertEquals("NOT_RECORDED", a.last("error").json().getString("code"));
        assertEquals(fSaw + 3, f.written.size(), "the facilitator heard only their three errors");
        assertEquals(aSaw + 1, a.written.size(), "A heard only their own error: no removal, no hands");
        assertEquals(bSaw, b.written.size(), "B is still waiting and heard nothing");
        assertNull(a.closedWith, "A was not removed");
        assertEquals(storedBefore, backstage.lastStored());
        assertTrue(backstage.commits.stream().noneMatch(c -> c.room().session().locked()));

        backstage.refuse = false;
        FakeSocket g = joined(new Command.Join("G", null, "Second facilitator", Role.FACILITATOR, true));
        var welcome = g.written.get(0).json().getJsonObject("session");
        assertFalse(welcome.getBoolean("locked"), "the lock did not happen");
        var roster = g.frames("roster").get(0).getJsonArray("participants").toString();
        assertTrue(roster.contains("\"A\"") && !roster.contains("\"hand\":true"), "A is in the room, hand down: " + roster);
        assertEquals("B", g.frames("waiting.list").get(0).getJsonArray("waiting").getJsonObject(0).getString("id"), "B still waits");
        room.apply(new Command.Lock("F", true), Answer.to(f.connection, "c5"));
        assertEquals("ack", f.last("ack").json().getString("type"), "once the store writes again, so do commands");
        assertTrue(backstage.lastStored().session().locked());
    }

    @Test
    void aJoinTheStoreCannotRecordIsRefusedAndLeavesNoTrace() {
        joined(facilitator());
        var storedBefore = backstage.lastStored();
        backstage.refuse = true;
        FakeSocket a = new FakeSocket("A");
        assertEquals(ErrorCode.NOT_RECORDED, room.join(a.connection, new Hello.Arrival(member("A"))).orElseThrow().code());
        assertTrue(a.written.isEmpty(), "no welcome");
        backstage.refuse = false;
        room.apply(new Command.Admit("F", "A"), new Heard());
        assertEquals(storedBefore.session().people().size(), backstage.lastStored().session().people().size(), "A never arrived");
    }

    @Test
    void aRoomRestoredFromItsStoreCarriesOnWithTheRemovalLockAndTurns() {
        FakeSocket f = joined(facilitator());
        FakeSocket a = joined(member("A"));
        joined(member("Bob"));
        room.apply(new Command.AdmitAll("F"), Answer.NOBODY);
        room.apply(new Command.Remove("F", "Bob", null), Answer.NOBODY);
        room.apply(new Command.Lock("F", true), Answer.NOBODY);
        room.apply(new Command.RaiseHand("A"), Answer.NOBODY);
        room.apply(new Command.GrantFloor("F", "F", null), Answer.NOBODY);
        String resume = a.written.get(0).json().getString("resume");

        // The process dies: only what the store holds goes on.
        Room after = new Room(backstage.load("s1").orElseThrow(), backstage.surroundings());
        room = after;
        after.recover();
        assertEquals(3, backstage.timers.size(), "the grace period for F and A (none for Bob, who is gone), and the watch on the facilitators' absence");
        FakeSocket back = new FakeSocket("A-back");
        assertEquals(Optional.empty(), after.join(back.connection, new Hello.Return(resume)), "A's resume token survived");
        assertEquals("admitted", back.written.get(0).json().getJsonObject("you").getString("status"));
        FakeSocket f2 = joined(facilitator());
        var welcome = f2.written.get(0).json().getJsonObject("session");
        assertTrue(welcome.getBoolean("locked"));
        assertEquals("F", f2.frames("floor").get(0).getString("participant"));
        assertEquals("A", f2.frames("hands").get(0).getJsonArray("queue").getJsonObject(0).getString("participant"));
        assertEquals(ErrorCode.FORBIDDEN, after.join(new FakeSocket("Bob2").connection, new Hello.Arrival(member("Bob"))).orElseThrow().code());
        var sinceLock = backstage.recorded.subList(backstage.recorded.indexOf("state live locked") + 1, backstage.recorded.size());
        assertTrue(sinceLock.stream().noneMatch(r -> r.startsWith("state")), "the schedule's lock is never rewritten: " + backstage.recorded);
    }

    @Test
    void theAckOfAFrameComesAfterItsWriteAndCarriesItsRef() {
        FakeSocket f = joined(facilitator());
        joined(member("A"));
        joined(member("B"));
        int commits = backstage.commits.size();
        room.apply(new Command.AdmitAll("F"), Answer.to(f.connection, "c1"));
        assertEquals(commits + 1, backstage.commits.size(), "one commit for the whole command");
        assertTrue(f.last("roster").tick() < f.last("ack").tick(), "what changed, then the ack");
        var ack = f.last("ack").json();
        assertEquals("c1", ack.getString("ref"));
        assertEquals(0, ack.getJsonArray("waiting").size(), "admit.all says who is still waiting");
    }

    @Test
    void aRefusedFrameIsAnsweredAndChangesNothing() {
        FakeSocket f = joined(facilitator());
        FakeSocket a = joined(member("A"));
        int before = f.written.size();
        Heard heard = new Heard();
        room.apply(new Command.RaiseHand("A"), heard);
        assertEquals(List.of("refused NOT_ADMITTED"), heard.told);
        assertEquals(before, f.written.size(), "nobody else hears of it");
        assertTrue(backstage.commits.size() == 2, "nothing to record");

        room.apply(new Command.Admit("A", "A"), Answer.to(a.connection, "c7"));
        var error = a.last("error").json();
        assertEquals("c7", error.getString("ref"));
        assertEquals("FORBIDDEN", error.getString("code"));
        assertNull(a.closedWith, "a refusal leaves the socket open");
    }

    @Test
    void aDroppedPersonResumesWithTheirTokenOnce() {
        joined(facilitator());
        FakeSocket a = joined(member("A"));
        room.apply(new Command.Admit("F", "A"), Answer.NOBODY);
        backstage.writeAll();
        String token = a.written.get(0).json().getString("resume");

        room.leave(a.connection);
        assertEquals(1, backstage.timers.size(), "the grace period starts");
        assertEquals(60_000, backstage.timers.get(0).delayMillis());

        FakeSocket back = new FakeSocket("A2");
        assertEquals(Optional.empty(), room.join(back.connection, new Hello.Return(token)));
        var welcome = back.written.get(0).json();
        assertEquals("welcome", welcome.getString("type"));
        assertEquals("A", welcome.getJsonObject("you").getString("id"), "the same place");
        assertEquals("admitted", welcome.getJsonObject("you").getString("status"), "without waiting again");
        assertTrue(back.types().contains("roster"), "and the whole picture");
        assertEquals("A", back.connection.participantId());

        backstage.timers.get(0).task().run(); // the grace period ends after they came back: nothing happens
        assertNull(back.closedWith);

        Optional<Refusal> again = room.join(new FakeSocket("A3").connection, new Hello.Return(token));
        assertEquals(ErrorCode.TICKET_INVALID, again.orElseThrow().code(), "a token works once");
        assertFalse(room.issued(Room.class.getName()), "a room holds only the tokens it issued");
    }

    @Test
    void aSecondSocketForTheSamePersonReplacesTheFirst() {
        FakeSocket first = joined(facilitator());
        FakeSocket second = joined(facilitator());
        assertEquals(CloseCode.REPLACED, first.closedWith);
        assertNull(second.closedWith);
        room.leave(first.connection);
        assertTrue(backstage.timers.isEmpty(), "the replaced socket closing is not a drop");
    }

    @Test
    void aRemovalClosesTheSocketOnlyAfterTheAck() {
        FakeSocket f = joined(facilitator());
        FakeSocket a = joined(member("A"));
        room.apply(new Command.Admit("F", "A"), Answer.NOBODY);
        backstage.writeAll();

        room.apply(new Command.Remove("F", "A", "time to go"), Answer.to(f.connection, "c2"));
        assertEquals("time to go", a.last("removed").json().getString("reason"));
        assertEquals(CloseCode.REMOVED, a.closedWith);
        assertTrue(f.last("ack").tick() < a.closedAt, "the facilitator's ack first, then the close");
        assertEquals("removed", a.types().get(a.types().size() - 1), "their last word arrives before the close");
        assertTrue(backstage.recorded.contains("attendance A removed"));

        room.apply(new Command.RaiseHand("A"), new Heard());
        room.leave(a.connection);
        assertTrue(backstage.timers.isEmpty(), "a removed person's socket closing changes nothing");
    }

    @Test
    void theEndIsRecordedThenEveryoneIsClosedAndTheRoomForgotten() {
        FakeSocket f = joined(facilitator());
        FakeSocket a = joined(member("A"));
        room.apply(new Command.End("F"), Answer.to(f.connection, "c3"));
        assertEquals(List.of(room), backstage.ended, "the room is forgotten at once, so nobody new comes in");
        assertTrue(backstage.recorded.contains("state ended"));
        assertTrue(f.last("ack").tick() < f.closedAt);
        assertEquals(CloseCode.ENDED, f.closedWith);
        assertEquals(CloseCode.ENDED, a.closedWith);
        assertEquals("session.ended", a.types().get(a.types().size() - 1));
    }

    @Test
    void framesReachEachPersonInTheOrderTheCoreProducedThem() {
        // A twin of the room's session, fed the same commands, says what each person must see.
        LiveSession twin = new LiveSession(new SessionInfo("s1", "Tuesday group", MediaKind.MESH, 120, Backstage.T0));
        Map<String, FakeSocket> people = new HashMap<>();
        Map<String, List<String>> expected = new HashMap<>();
        List<Command> commands = new ArrayList<>(List.of(facilitator(), member("A"), member("B"), member("C")));
        for (Command join : List.copyOf(commands)) {
            Command.Join j = (Command.Join) join;
            Outcome o = twin.apply(j, Backstage.T0);
            FakeSocket c = new FakeSocket(j.participantId());
            room.join(c.connection, new Hello.Arrival(j));
            people.put(j.participantId(), c);
            expected.computeIfAbsent(j.participantId(), k -> new ArrayList<>()).add("welcome");
            expect(expected, o);
        }
        List<Command> rest = List.of(new Command.AdmitAll("F"), new Command.RaiseHand("A"), new Command.RaiseHand("B"),
                new Command.GrantFloor("F", "A", 30), new Command.Signal("A", "B", "{\"sdp\":\"x\"}"), new Command.Mute("F", "C"),
                new Command.LowerHand("B"), new Command.SetMode("F", "moderated"), new Command.StartRound("F", null, 20),
                new Command.PassRound("A"), new Command.Signal("B", "C", "{\"n\":1}"), new Command.Lock("F", true));
        for (Command command : rest) {
            expect(expected, twin.apply(command, Backstage.T0));
            room.apply(command, Answer.NOBODY);
        }
        backstage.writeAll();
        for (var person : people.entrySet()) {
            List<String> seen = new ArrayList<>(person.getValue().frames());
            seen.set(0, "welcome");
            assertEquals(expected.get(person.getKey()), seen, "what " + person.getKey() + " saw, in order");
        }
    }

    private static void expect(Map<String, List<String>> expected, Outcome outcome) {
        assertTrue(outcome.accepted(), outcome.toString());
        for (Delivery d : outcome.deliveries()) {
            for (String to : d.recipients()) expected.computeIfAbsent(to, k -> new ArrayList<>()).add(ServerFrames.event(d.event()));
        }
    }

    @Test
    void aMeshSessionSendsNoMediaThroughTheServer() {
        FakeSocket f = joined(facilitator());
        room.media(f.connection, ClientFrame.parse("{\"type\":\"media.publish\",\"ref\":\"m1\"}"));
        var error = f.last("error").json();
        assertEquals("MEDIA_UNAVAILABLE", error.getString("code"), "before its fields are even read");
        assertEquals("m1", error.getString("ref"));
    }

    @Test
    void theSfuFramesAskTheCoreAndThePortAnswers() {
        List<String> calls = new ArrayList<>();
        backstage.media = new MediaPort() {
            @Override public boolean available() { return true; }
            @Override public String publish(String s, String p, String sdp) { calls.add("publish " + p); return "answer-" + p; }
            @Override public String subscribe(String s, String v, String p, String sdp) { calls.add("subscribe " + v + "<" + p); return "answer-" + p; }
            @Override public void ice(String s, String p, String of, IceCandidate c) throws MediaUnavailable { throw new MediaUnavailable("gone"); }
            @Override public void access(String s, String p, boolean publish, boolean audio) { calls.add("access " + p + " " + publish + " " + audio); }
            @Override public void close(String s) { calls.add("close"); }
        };
        room = room(MediaKind.SFU);
        FakeSocket f = joined(facilitator());
        assertTrue(f.written.get(0).json().getJsonObject("session").getBoolean("mediaAvailable"));
        FakeSocket a = joined(member("A"));
        backstage.writeAll();
        calls.clear();

        room.media(a.connection, ClientFrame.parse("{\"type\":\"media.publish\",\"ref\":\"m1\",\"sdp\":\"offer\"}"));
        assertEquals("NOT_ADMITTED", a.last("error").json().getString("code"), "a waiting person's media goes nowhere");
        assertEquals(List.of(), calls);

        room.apply(new Command.Admit("F", "A"), Answer.NOBODY);
        backstage.writeAll();
        assertEquals(List.of("access A true false"), calls, "the core's gate reaches the port off the lock");
        room.media(a.connection, ClientFrame.parse("{\"type\":\"media.publish\",\"ref\":\"m2\",\"sdp\":\"offer\"}"));
        assertEquals("answer-A", a.last("media.answer").json().getString("sdp"));
        assertTrue(a.last("media.answer").tick() < a.last("ack").tick());

        room.media(f.connection, ClientFrame.parse("{\"type\":\"media.subscribe\",\"ref\":\"m3\",\"participant\":\"F\",\"sdp\":\"o\"}"));
        assertEquals("UNKNOWN_PARTICIPANT", f.last("error").json().getString("code"), "nobody subscribes to themselves");
        room.media(f.connection, ClientFrame.parse("{\"type\":\"media.subscribe\",\"ref\":\"m4\",\"participant\":\"A\",\"sdp\":\"o\"}"));
        assertEquals("A", f.last("media.answer").json().getString("participant"));
        room.media(f.connection, ClientFrame.parse("{\"type\":\"media.ice\",\"ref\":\"m5\",\"participant\":\"A\",\"candidate\":{}}"));
        assertEquals("gone", f.last("error").json().getString("message"));

        room.mediaCandidate("A", org.circle.media.Feed.camera("A"), new IceCandidate("candidate:1", "0", 0));
        assertEquals("candidate:1", a.last("media.ice").json().getJsonObject("candidate").getString("candidate"));
        room.mediaRestarted();
        assertEquals("media.restart", a.types().get(a.types().size() - 1));

        room.apply(new Command.End("F"), Answer.NOBODY);
        backstage.writeAll();
        assertTrue(calls.contains("close"), "the port releases the session");
    }

    @Test
    void aHelloTheLockRefusesKnocksAndTheFacilitatorHearsWhoAtOnce() {
        FakeSocket f = joined(facilitator());
        room.apply(new Command.Lock("F", true), Answer.NOBODY);
        FakeSocket late = new FakeSocket("late");
        var join = new Command.Join("L", "m-L", "Lee", Role.PARTICIPANT, true, "Lee Invited");
        assertEquals(ErrorCode.LOCKED, room.join(late.connection, new Hello.Arrival(join)).orElseThrow().code());
        var knock = f.frames("lock.knock").get(0);
        assertEquals("m-L", knock.getString("member"));
        assertEquals("Lee Invited", knock.getString("memberName"), "the name the facilitator gave them");
        assertTrue(backstage.lastStored().session().knocks().stream().anyMatch(k -> k.memberId().equals("m-L")), "recorded");
        room.apply(new Command.LetIn("F", "m-L"), Answer.NOBODY);
        FakeSocket again = new FakeSocket("again");
        assertEquals(Optional.empty(), room.join(again.connection, new Hello.Arrival(join)), "let in past the lock");
    }
}
