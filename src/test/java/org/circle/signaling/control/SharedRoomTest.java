package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.circle.session.CloseCode;
import org.circle.session.Command;
import org.circle.session.LiveSession;
import org.circle.session.MediaKind;
import org.circle.session.Role;
import org.circle.session.SessionInfo;
import org.junit.jupiter.api.Test;

/**
 * Two instances' rooms of one session sharing it through a grid that behaves as the data grid
 * does for them (one entry, a lock, a listener that hears every write, a relay per instance),
 * in one thread: what a person on one instance hears of what was decided on the other, in order;
 * signals that never touch the entry; and an instance that dies with people on it.
 */
class SharedRoomTest {

    /** The data grid as the rooms see it: an entry in its serial form, a lock, and who listens. */
    private static final class Grid {
        byte[] entry;
        long version;
        final ReentrantLock lock = new ReentrantLock();
        final Map<String, Instance> instances = new HashMap<>();
        int writes;
        int relays;
        /** Entries opened (decrypted and deserialised, in the real grid) for a lock or a listener. */
        int opened;
    }

    /** One instance: its own store and clock, its room of the session, and its part of the grid. */
    private static final class Instance implements Sharing {
        final String name;
        final Grid grid;
        final Backstage backstage = new Backstage();
        Room room;

        Instance(String name, Grid grid) {
            this.name = name;
            this.grid = grid;
            grid.instances.put(name, this);
        }

        Room room() {
            if (room == null) {
                var surroundings = backstage.surroundings();
                surroundings = new Room.Surroundings(surroundings.clock(), surroundings.store(), surroundings.writers(), surroundings.timers(),
                        surroundings.media(), surroundings.iceServers(), surroundings.ended(), surroundings.care(), this);
                SharedRoom entry = read("s1");
                room = entry == null ? new Room(new LiveSession(new SessionInfo("s1", "Tuesday group", MediaKind.MESH, 120, Backstage.T0)), surroundings)
                        : new Room(entry, surroundings);
            }
            return room;
        }

        @Override public boolean on() { return true; }
        @Override public String here() { return name; }

        @Override public SharedRoom lock(String sessionId, long known) {
            grid.lock.lock();
            if (grid.entry == null || grid.version <= known) return null; // the grid's number says so; nothing is opened
            grid.opened++;
            return read(sessionId);
        }

        @Override public void put(String sessionId, SharedRoom entry) {
            grid.entry = entry.write();
            grid.version = entry.version();
            grid.writes++;
            // The listener: every other instance with a room of the session hears the new entry.
            for (Instance other : grid.instances.values()) {
                if (other != this && other.room != null) {
                    byte[] written = grid.entry;
                    other.room.sawEntry(new Room.Seen(entry.version(), () -> {
                        grid.opened++;
                        return SharedRoom.read(written);
                    }));
                    other.backstage.writeAll(); // the room takes it on its own executor, off the grid's thread
                }
            }
        }

        @Override public void unlock(String sessionId) { grid.lock.unlock(); }

        @Override public SharedRoom read(String sessionId) { return grid.entry == null ? null : SharedRoom.read(grid.entry); }

        @Override public Collection<String> sessionIds() { return grid.entry == null ? List.of() : List.of("s1"); }

        @Override public void relay(String instance, String sessionId, String participant, String frame) {
            grid.relays++;
            grid.instances.get(instance).room().relayed(participant, frame);
        }

        FakeSocket join(Command.Join join) {
            FakeSocket c = new FakeSocket(join.participantId());
            assertEquals(Optional.empty(), room().join(c.connection, new Hello.Arrival(join)));
            return c;
        }
    }

    private final Grid grid = new Grid();
    private final Instance a = new Instance("A", grid);
    private final Instance b = new Instance("B", grid);

    private static Command.Join facilitator() { return new Command.Join("F", null, "Facilitator", Role.FACILITATOR, true); }

    private static Command.Join member(String id) { return new Command.Join(id, "m-" + id, "Person " + id, Role.PARTICIPANT, true); }

    private static List<String> connected(FakeSocket socket) {
        List<JsonObject> rosters = socket.frames("roster");
        return rosters.get(rosters.size() - 1).getJsonArray("participants").stream().map(p -> p.asJsonObject())
                .filter(p -> p.getBoolean("connected")).map(p -> p.getString("id")).toList();
    }

    @Test
    void anInstanceOpensTheEntryOnlyWhenAnotherHasWrittenSince() {
        FakeSocket f = a.join(facilitator());
        for (int i = 0; i < 6; i++) a.room().apply(new Command.Lock("F", i % 2 == 0), Answer.NOBODY);
        assertEquals(7, grid.writes, "the arrival and six locks and unlocks");
        assertEquals(0, grid.opened, "A wrote every version itself: its commands open nothing");
        FakeSocket bo = b.join(member("Bo"));
        assertEquals(1, grid.opened, "A's listener opened B's write (B's room began from the grid's read)");
        a.room().apply(new Command.Admit("F", "Bo"), Answer.NOBODY);
        assertEquals(2, grid.opened, "B's listener opened A's admission; A, already up to date, opened nothing");
        b.room().apply(new Command.RaiseHand("Bo"), Answer.NOBODY);
        b.room().apply(new Command.LowerHand("Bo"), Answer.NOBODY);
        assertEquals(4, grid.opened, "B's two commands: B opened nothing, A's listener opened each");
        assertTrue(bo.types().contains("admitted"), bo.types().toString());
        assertEquals(List.of("F", "Bo"), connected(f));
    }

    @Test
    void whatOneInstanceDecidesIsHeardOnTheOtherInOrder() {
        FakeSocket f = a.join(facilitator());
        FakeSocket bo = b.join(member("Bo"));
        assertEquals(List.of("welcome", "waiting"), bo.types(), "a waiting person on B learns nothing of the room");
        assertEquals("Bo", f.frames("waiting.list").get(f.frames("waiting.list").size() - 1).getJsonArray("waiting").getJsonObject(0).getString("id"),
                "B's arrival reaches A's facilitator");

        a.room().apply(new Command.Admit("F", "Bo"), Answer.NOBODY);
        a.room().apply(new Command.GrantFloor("F", "Bo", 30), Answer.NOBODY);
        a.room().apply(new Command.Mute("F", "Bo"), Answer.NOBODY);
        List<String> heard = bo.types();
        assertTrue(heard.indexOf("admitted") < heard.indexOf("floor") && heard.lastIndexOf("floor") < heard.indexOf("muted"),
                "Bo hears A's decisions in the order A made them: " + heard);
        assertEquals(List.of("F", "Bo"), connected(f));
    }

    @Test
    void anInstanceThatMissedWritesCatchesUpFromTheKeptFramesBeforeItsNextCommand() {
        FakeSocket f = a.join(facilitator());
        FakeSocket bo = b.join(member("Bo"));
        Room roomOnB = b.room;
        b.room = null; // B's listener hears nothing for a while (as a slow event thread would)
        a.room().apply(new Command.Admit("F", "Bo"), Answer.NOBODY);
        a.room().apply(new Command.GrantFloor("F", "Bo", 30), Answer.NOBODY);
        assertFalse(bo.types().contains("admitted"));
        b.room = roomOnB;

        b.room().apply(new Command.RaiseHand("Bo"), Answer.NOBODY); // B's next command reads the entry first
        List<String> heard = bo.types();
        assertTrue(heard.indexOf("admitted") < heard.indexOf("floor") && heard.lastIndexOf("floor") < heard.lastIndexOf("hands"),
                "what B missed comes first, in order, then B's own: " + heard);
        assertTrue(f.types().contains("hands"));
    }

    @Test
    void aSignalGoesStraightToTheOtherInstanceAndNeverThroughTheEntry() {
        a.join(facilitator());
        FakeSocket ann = a.join(member("Ann"));
        FakeSocket bo = b.join(member("Bo"));
        a.room().apply(new Command.AdmitAll("F"), Answer.NOBODY);
        int writes = grid.writes;

        a.room().apply(new Command.Signal("Ann", "Bo", "{\"sdp\":\"v=0\"}"), Answer.NOBODY);
        b.room().apply(new Command.Signal("Bo", "Ann", "{\"sdp\":\"v=1\"}"), Answer.NOBODY);
        assertEquals("Ann", bo.frames("signal").get(0).getString("from"));
        assertEquals("Bo", ann.frames("signal").get(0).getString("from"));
        assertEquals(2, grid.relays);
        assertEquals(writes, grid.writes, "signals never write the entry");
    }

    @Test
    void whenAnInstanceDiesItsPeopleAreAwayAndComeBackOnAnotherWithTheirPlace() {
        FakeSocket f = a.join(facilitator());
        FakeSocket bo = b.join(member("Bo"));
        a.room().apply(new Command.Admit("F", "Bo"), Answer.NOBODY);
        a.room().apply(new Command.GrantFloor("F", "Bo", 300), Answer.NOBODY);
        String token = bo.frames("welcome").get(0).getString("resume");

        grid.instances.remove("B"); // killed: its room and sockets are gone with it
        a.room().instanceLost("B");
        assertEquals(List.of("F"), connected(f), "Bo's socket went with B: away, with the grace to come back");
        assertFalse(a.backstage.timers.isEmpty(), "A keeps the deadlines B would have fired (the grace, the floor's end)");

        FakeSocket back = new FakeSocket("Bo");
        assertEquals(Optional.empty(), a.room().join(back.connection, new Hello.Return(token)), "B's resume token works on A");
        JsonObject welcome = back.frames("welcome").get(0);
        assertEquals("admitted", welcome.getJsonObject("you").getString("status"));
        assertEquals("Bo", back.frames("floor").get(0).getString("participant"), "Bo still holds the floor");
        assertEquals(List.of("F", "Bo"), connected(f));
    }

    @Test
    void aPersonBackOnAnotherInstanceReplacesTheirOldSocket() {
        a.join(facilitator());
        FakeSocket bo = b.join(member("Bo"));
        String token = bo.frames("welcome").get(0).getString("resume");
        FakeSocket again = new FakeSocket("Bo");
        assertEquals(Optional.empty(), a.room().join(again.connection, new Hello.Return(token)));
        assertEquals(CloseCode.REPLACED, bo.closedWith, "B closes the socket the cluster now places on A");
        b.room().leave(bo.connection); // the closed socket's own goodbye changes nothing
        assertNull(again.closedWith);
        assertEquals("A", SharedRoom.read(grid.entry).where().get("Bo"), "the cluster still places Bo on A");
        assertEquals(List.of("welcome", "waiting"), again.types());
    }
}
