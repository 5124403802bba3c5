package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: twelve 50 MB bodies to /api/auth/login took the heap from 1.3 to 4.7 GB, and one
 * body gave OutOfMemoryError at -Xmx256m. Every REST body is now limited to 64 KiB before it is
 * read: the answer is 413 with the JSON error body, fast, and the server stays well.
 */
@ExtendWith(CircleServer.class)
class BodyLimitIT {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Test
    void twelveFiftyMegabyteBodiesAreRefusedFastAndTheHeapStaysSane(Circle circle) throws Exception {
        long peakBefore = peakRssKb(circle.process().pid());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<RawHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean chunked = i % 2 == 1; // half declare their length, half stream it in chunks
                String head = "POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + FIFTY_MB);
                replies.add(pool.submit(() -> RawHttp.send(circle.process().baseUrl(), head, FIFTY_MB, chunked)));
            }
            long slowest = 0;
            for (Future<RawHttp.Reply> f : replies) {
                RawHttp.Reply reply = f.get();
                slowest = Math.max(slowest, reply.millis());
                assertEquals(413, reply.status(), reply.head());
                assertTrue(reply.body().contains("\"code\":\"TOO_LARGE\""), reply.body());
                assertTrue(reply.millis() < 5_000, "refused after " + reply.millis() + " ms");
            }
            System.out.println("BodyLimitIT: twelve 50 MB bodies refused, the slowest after " + slowest + " ms");
        } finally {
            pool.shutdownNow();
        }
        long grewMb = (peakRssKb(circle.process().pid()) - peakBefore) / 1024;
        System.out.println("BodyLimitIT: the server's peak resident memory grew by " + grewMb + " MB");
        assertTrue(grewMb < 100, "the server's peak memory grew by " + grewMb + " MB");
        var login = circle.http().post("/api/auth/login", Http.json("email", CircleServer.ADMIN_EMAIL, "password", CircleServer.ADMIN_PASSWORD));
        assertEquals(200, login.status(), "another request still works: " + login);
    }

    @Test
    void bodiesWithinTheLimitAreReadAsBefore(Circle circle) throws Exception {
        String padding = "x".repeat(60 * 1024);
        var within = circle.http().postRaw("/api/auth/login", "{\"email\":\"a@b.c\",\"password\":\"p\",\"pad\":\"" + padding + "\"}");
        assertEquals(401, within.status(), "a body under 64 KiB is read and answered: " + within);
        String json = "{\"email\":\"" + CircleServer.ADMIN_EMAIL + "\",\"password\":\"" + CircleServer.ADMIN_PASSWORD + "\"}";
        String chunk = Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        RawHttp.Reply chunked = RawHttp.send(circle.process().baseUrl(), "POST /api/auth/login HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nTransfer-Encoding: chunked", chunk, 0, false);
        assertEquals(200, chunked.status(), "a small chunked body still works: " + chunked.head());
        var over = circle.http().postRaw("/api/groups", "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertEquals(413, over.status(), over.toString());
        assertEquals("TOO_LARGE", over.code());
    }

    /** The process's peak resident memory (VmHWM), in KiB. */
    static long peakRssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IllegalStateException("no VmHWM for " + pid);
    }
}
