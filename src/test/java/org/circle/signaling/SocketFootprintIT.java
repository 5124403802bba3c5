package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the container keeps for as long as a socket is open (docs/performance.md, "Memory"): the
 * upgrade's answer and its headers, and the worker threads that a burst of arrivals leaves behind,
 * each holding a 64 KiB read buffer of Grizzly's.
 */
@ExtendWith(CircleServer.class)
class SocketFootprintIT {

    /** pre-boot-commands.txt: the database pool's 32 connections, and 16 workers for everything else. */
    private static final int WORKERS = 48;
    private static final int BURST = 160;

    @Test
    void theUpgradeAnswersWithOnlyWhatASocketNeeds(Circle circle) throws Exception {
        URI base = URI.create(circle.process().baseUrl());
        try (Socket raw = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) head.add(line.toLowerCase());
            assertTrue(head.get(0).startsWith("http/1.1 101"), head.toString());
            assertTrue(head.contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo="), head.toString());
            // A 101 is no document: no browser applies a policy to it, and the container would keep these for the socket's life.
            assertFalse(head.stream().anyMatch(h -> h.startsWith("content-security-policy") || h.startsWith("permissions-policy")), head.toString());
            assertFalse(head.stream().anyMatch(h -> h.startsWith("server:")), head.toString());
        }
    }

    @Test
    void aBurstOfSocketsIsServedByABoundedPoolOfWorkers(Circle circle) throws Exception {
        String base = circle.process().baseUrl();
        ExecutorService arrivals = Executors.newFixedThreadPool(BURST);
        List<Ws> sockets = new ArrayList<>();
        try {
            List<CompletableFuture<Ws>> opening = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                opening.add(CompletableFuture.supplyAsync(() -> {
                    Ws ws = new Ws(base);
                    ws.send(Ws.hello("no-such-ticket-" + Thread.currentThread().getId()));
                    return ws;
                }, arrivals));
            }
            for (var socket : opening) sockets.add(socket.join());
            // Every arrival is answered, by however many workers the pool allows.
            for (Ws ws : sockets) assertEquals("TICKET_INVALID", ws.await("error").getString("code"));
            long workers = circle.process().threadDump().lines().filter(t -> t.startsWith("\"http-thread-pool")).count();
            assertTrue(workers <= WORKERS, workers + " worker threads after " + BURST + " arrivals at once");
            assertTrue(workers > 1, "the workers are named as expected: " + workers);
        } finally {
            sockets.forEach(Ws::close);
            arrivals.shutdownNow();
        }
    }

    /**
     * Made through CDI, each socket's endpoint would cost a new annotated type, injection target
     * and creational context, kept by Payara's Tyrus until the socket closes; Circle's configurator
     * makes it itself (OriginCheck).
     */
    @Test
    void aSocketsEndpointIsNoInjectionTargetTheContainerKeeps(Circle circle) throws Exception {
        List<Ws> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) sockets.add(new Ws(circle.process().baseUrl())); // open, before their hello
            Map<String, Long> live = circle.process().liveInstances();
            long endpoints = live.getOrDefault("org.circle.signaling.boundary.SessionSocket", 0L);
            assertTrue(endpoints >= 40, "the sockets' endpoints are live: " + endpoints);
            assertEquals(0L, live.getOrDefault("org.glassfish.tyrus.gf.cdi.CdiComponentProvider$CdiInjectionContext", 0L),
                    "no endpoint was made through CDI");
        } finally {
            sockets.forEach(Ws::close);
        }
    }
}
