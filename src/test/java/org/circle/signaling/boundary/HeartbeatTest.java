package org.circle.signaling.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);
    private final List<String> pinged = new ArrayList<>(), closed = new ArrayList<>(), lost = new ArrayList<>();
    private final Set<String> open = new HashSet<>(Set.of("ann", "bo", "cy"));
    private final Heartbeat<String> heartbeat = new Heartbeat<>(new Heartbeat.Sockets<>() {
        @Override public boolean open(String s) { return open.contains(s); }
        @Override public void ping(String s) { pinged.add(s); }
        @Override public void close(String s) { closed.add(s); open.remove(s); }
        @Override public void lost(String s) { lost.add(s); }
    });

    @Test
    void pingsEveryoneHeardFromRecently() {
        heartbeat.heard("ann", 0);
        heartbeat.heard("bo", 10 * S);
        heartbeat.beat(20 * S);
        assertEquals(Set.of("ann", "bo"), new HashSet<>(pinged));
        assertEquals(List.of(), closed);
    }

    @Test
    void closesASocketSilentForMoreThanAMinuteAndForgetsIt() {
        heartbeat.heard("ann", 0);
        heartbeat.heard("bo", 0);
        heartbeat.heard("bo", 50 * S); // bo answered a ping
        heartbeat.beat(61 * S);
        assertEquals(List.of("ann"), closed);
        assertEquals(List.of("bo"), pinged);
        heartbeat.beat(62 * S);
        assertEquals(List.of("ann"), closed, "closed once");
        assertEquals(1, heartbeat.watching());
    }

    @Test
    void forgetsSocketsThatClosedOrFailed() {
        heartbeat.heard("cy", 0);
        heartbeat.heard("ann", 0);
        open.remove("cy");
        heartbeat.gone("ann");
        heartbeat.beat(S);
        assertEquals(0, heartbeat.watching());
        assertEquals(List.of(), pinged);
        assertEquals(List.of("cy"), lost, "cy closed without a word: lost; ann's close was heard: not");
        heartbeat.beat(2 * S);
        assertEquals(List.of("cy"), lost, "reported once");
    }

    @Test
    void aSocketClosedForSilenceIsNotAlsoReportedLost() {
        heartbeat.heard("ann", 0);
        heartbeat.beat(61 * S);
        assertEquals(List.of("ann"), closed);
        assertEquals(List.of(), lost, "its close is heard like any other");
    }

    @Test
    void aFailingPingDropsOnlyThatSocket() {
        Heartbeat<String> failing = new Heartbeat<>(new Heartbeat.Sockets<>() {
            @Override public boolean open(String s) { return true; }
            @Override public void ping(String s) { if (s.equals("ann")) throw new IllegalStateException("closing"); pinged.add(s); }
            @Override public void close(String s) { closed.add(s); }
            @Override public void lost(String s) { lost.add(s); }
        });
        failing.heard("ann", 0);
        failing.heard("bo", 0);
        failing.beat(S);
        assertEquals(List.of("bo"), pinged);
        assertEquals(1, failing.watching());
        assertEquals(List.of("ann"), lost);
    }
}
