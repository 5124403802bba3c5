package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 random and mutated frames from five admitted members, paced under the rate limit.
 * Every frame gets exactly one well-formed answer, the server stays up, and the facilitator and
 * a bystander keep working normally.
 */
@ExtendWith(CircleServer.class)
class FrameFuzzIT {

    private static final int FUZZERS = 5;
    private static final int FRAMES_EACH = 2_000;
    private static final Set<String> CODES = Set.of("BAD_MESSAGE", "FORBIDDEN", "NOT_ADMITTED", "UNKNOWN_PARTICIPANT",
            "CONSENT_INCOMPLETE", "NOT_YOUR_TURN", "LOCKED", "SESSION_ENDED", "RATE_LIMITED", "MEDIA_UNAVAILABLE",
            "CHECK_IN_MISSING", "UNKNOWN_REQUEST"); // the last is Circle's own, in docs/protocol.md

    @Test
    void randomFramesNeverHurtTheSession(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        Ws bystander = s.connect(s.memberTicket(s.member("Bystander")));
        List<Ws> fuzzers = new ArrayList<>();
        for (int i = 0; i < FUZZERS; i++) fuzzers.add(s.connect(s.memberTicket(s.member("Fuzzer " + i))));
        f.call("admit.all");
        bystander.await("admitted");
        for (Ws z : fuzzers) z.await("admitted");
        JsonObject roster = bystander.await(fr -> fr.getString("type").equals("roster") && fr.getJsonArray("participants").size() == FUZZERS + 2);
        List<String> ids = roster.getJsonArray("participants").stream().map(p -> p.asJsonObject().getString("id")).toList();

        ExecutorService pool = Executors.newFixedThreadPool(FUZZERS);
        List<Future<Integer>> answered = new ArrayList<>();
        for (int i = 0; i < FUZZERS; i++) {
            Ws z = fuzzers.get(i);
            FrameMutator mutator = new FrameMutator(new Random(1000 + i), ids);
            answered.add(pool.submit(() -> fuzz(z, mutator)));
        }
        int total = 0;
        for (Future<Integer> a : answered) total += a.get();
        pool.shutdown();
        assertEquals(FUZZERS * FRAMES_EACH, total, "every frame got exactly one answer");

        assertEquals(200, circle.http().get("/health/ready").status(), "the server is up");
        assertEquals("ack", f.call("waiting.message", "text", "after the storm").getString("type"));
        assertEquals("ack", bystander.call("hand.raise").getString("type"));
        f.await(fr -> fr.getString("type").equals("hands") && fr.toString().contains(ids.get(1)));
        for (JsonObject frame : bystander.drain(200)) assertFalse(frame.getString("type").equals("error"), "the bystander saw no error: " + frame);
    }

    /** Sends the frames in bursts the rate limit allows and counts the answers. */
    private static int fuzz(Ws z, FrameMutator mutator) throws InterruptedException {
        int answers = 0;
        for (int sent = 0; sent < FRAMES_EACH; sent += 100) {
            for (int i = 0; i < 100; i++) z.sendText(mutator.next());
            Thread.sleep(2_600);
            for (JsonObject frame : z.drain(0)) {
                String type = frame.getString("type");
                if (type.equals("ack")) answers++;
                if (type.equals("error")) {
                    answers++;
                    assertTrue(CODES.contains(frame.getString("code")), "a contract code: " + frame);
                    assertTrue(frame.getString("message").length() > 3);
                    // The socket's frame limit is never reached; the per-person pace of support requests and
                    // messages to the facilitators may be (its refusals say when to try again).
                    assertFalse(frame.getString("code").equals("RATE_LIMITED") && !frame.containsKey("retryAfter"),
                            "paced under the socket's limit: " + frame);
                }
            }
            assertFalse(z.isClosed(), "the fuzzer's socket stays open");
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (answers < FRAMES_EACH && System.currentTimeMillis() < deadline) {
            for (JsonObject frame : z.drain(200)) if (Set.of("ack", "error").contains(frame.getString("type"))) answers++;
        }
        return answers;
    }
}
