package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: 1,000 levels of nesting, an exponent that overflows and a number of 1,100 digits
 * threw from the parser (REST answered 500, the socket dropped the frame without a word);
 * duplicate keys let the last one win, so {"type":"hand.raise","type":"mute.all"} muted everyone;
 * a 10 MB frame closed with 1011 and a stack trace. Each is now a plain refusal.
 */
@ExtendWith(CircleServer.class)
class JsonEdgeCasesIT {

    /** Bodies that must be refused as bad JSON, each named for what it tries. */
    static Map<String, String> hostile(String validPart) {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("1,000 levels of nesting", "{" + validPart + ",\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
        cases.put("10,000 levels, unclosed", "{" + validPart + ",\"x\":" + "[".repeat(10_000) + "}");
        cases.put("an exponent that overflows", "{" + validPart + ",\"x\":1e9999999999}");
        cases.put("a huge exponent", "{" + validPart + ",\"x\":1e99999}");
        cases.put("1,100 digits", "{" + validPart + ",\"x\":" + "7".repeat(1100) + "}");
        cases.put("1,100 decimals", "{" + validPart + ",\"x\":0." + "7".repeat(1100) + "}");
        cases.put("a duplicate key", "{" + validPart + ",\"x\":1,\"x\":2}");
        return cases;
    }

    @Test
    void restRefusesEachAsBadRequestWithoutAServerError(Circle circle) {
        String login = "\"email\":\"" + CircleServer.ADMIN_EMAIL + "\",\"password\":\"" + CircleServer.ADMIN_PASSWORD + "\"";
        hostile(login).forEach((what, body) -> {
            Http.Answer answer = circle.http().postRaw("/api/auth/login", body);
            assertEquals(400, answer.status(), what + ": " + answer.status() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
            assertEquals("BAD_REQUEST", answer.code(), what);
            assertEquals("body", answer.json().getString("field"), what);
        });
        Http.Answer twice = circle.http().postRaw("/api/auth/login",
                "{\"email\":\"nobody@clinic.test\",\"password\":\"x\"," + login + "}");
        assertEquals(400, twice.status(), "duplicate keys are refused, not resolved to the last: " + twice);
        Setting s = new Setting(circle);
        Http.Answer minutes = circle.admin().postRaw("/api/groups/" + s.groupId + "/sessions",
                "{\"title\":\"t\",\"startsAt\":\"2026-11-22T18:00:00Z\",\"minutes\":1e9999999999}");
        assertEquals(400, minutes.status(), minutes.toString());
    }

    @Test
    void theSocketAnswersEachWithBadMessageAndStaysOpen(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        hostile("\"type\":\"hand.lower\",\"ref\":\"edge\"").forEach((what, frame) -> {
            f.sendText(frame);
            JsonObject error = f.await(fr -> "error".equals(fr.getString("type")));
            assertEquals("BAD_MESSAGE", error.getString("code"), what + ": " + error);
        });
        assertEquals("ack", f.call("hand.lower").getString("type"), "the socket is open and working");
    }

    @Test
    void aDuplicateTypeDoesNotRunTheLastOne(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        String ann = s.member("Ann");
        Ws a = new Ws(circle.process().baseUrl());
        a.send(Ws.hello(s.memberTicket(ann)));
        String aId = a.await("welcome").getJsonObject("you").getString("id");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
        assertEquals("ack", f.call("admit", "participant", aId).getString("type"));
        a.await("admitted");
        a.drain(300);
        f.sendText("{\"type\":\"hand.raise\",\"type\":\"mute.all\",\"ref\":\"dup\"}");
        JsonObject answer = f.await(fr -> "error".equals(fr.getString("type")) || "dup".equals(fr.getString("ref", null)));
        assertEquals("BAD_MESSAGE", answer.getString("code", null), answer.toString());
        assertFalse(a.drain(500).stream().anyMatch(fr -> fr.getString("type").startsWith("mute")), "nobody was muted");
    }

    @Test
    void aTenMegabyteMessageClosesWith1009(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        try {
            f.sendText("{\"type\":\"support.request\",\"note\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}");
        } catch (java.util.concurrent.CompletionException e) {
            // the server may hang up before the last byte; what counts is how it closed
        }
        assertEquals(1009, f.awaitClose(), "a 10 MB message in fragments");
        assertEquals("ack", s.connect(s.facilitatorTicket()).call("hand.lower").getString("type"), "the server carries on");
    }

    /**
     * Tyrus alone read a single frame whole, up to its 4 MB input buffer, before comparing it with
     * the limit, and closed with 1011 and a stack trace past that. The frame is now refused at its
     * header (signaling/boundary/LargeFrames), like a long message in fragments.
     */
    @Test
    void aSingleTenMegabyteFrameClosesWith1009(Circle circle) throws Exception {
        int before = countOf(circle.process().log(), "\tat ");
        int code = RawWs.sendOneFrame(circle.process().baseUrl(), "{\"type\":\"hello\",\"protocol\":1,\"ticket\":\"", 10L * 1024 * 1024);
        assertEquals(1009, code, "one frame that announces 10 MB");
        Setting s = new Setting(circle);
        assertEquals("ack", s.connect(s.facilitatorTicket()).call("hand.lower").getString("type"), "the server carries on");
        assertEquals(before, countOf(circle.process().log(), "\tat "), "no stack trace for a frame too big");
    }

    /**
     * Forty sockets each sending a single 10 MB frame at once: Tyrus alone held up to 4 MB of each
     * (the server's resident memory grew by 326 MB in the same run by hand); now each is refused at
     * its header. On a server of its own, so that the peak is this test's.
     */
    @Test
    void fortySingleTenMegabyteFramesAtOnceHoldNoMemory() throws Exception {
        Circle own = CircleServer.standalone("large-frames", Map.of());
        try (var process = own.process()) {
            long peakBefore = BodyLimitIT.peakRssKb(process.pid());
            var pool = java.util.concurrent.Executors.newFixedThreadPool(40);
            try {
                List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    codes.add(pool.submit(() -> RawWs.sendOneFrame(process.baseUrl(), "{\"type\":\"hello\"", 10L * 1024 * 1024)));
                }
                for (var code : codes) assertEquals(1009, code.get());
            } finally {
                pool.shutdownNow();
            }
            long grewMb = (BodyLimitIT.peakRssKb(process.pid()) - peakBefore) / 1024;
            System.out.println("JsonEdgeCasesIT: forty 10 MB frames grew the server's peak resident memory by " + grewMb + " MB");
            assertTrue(grewMb < 100, "the server's peak memory grew by " + grewMb + " MB");
        }
    }

    /** The limit is where it was: a single frame of 64 KiB is read and answered, one byte more closes. */
    @Test
    void aSingleFrameOfSixtyFourKibibytesIsReadAndOneByteMoreCloses(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        try (RawWs ws = RawWs.open(circle.process().baseUrl())) {
            ws.sendPadded(Ws.hello(s.facilitatorTicket()).toString(), 100);
            assertTrue(ws.nextText().contains("\"welcome\""), "a small frame: the hello is welcomed");
            ws.sendPadded("{\"type\":\"hand.lower\",\"ref\":\"whole\"}", 64 * 1024);
            assertTrue(answerTo(ws, "whole").contains("\"ack\""), "a frame of exactly 64 KiB is read and acknowledged");
            ws.sendPadded("{\"type\":\"hand.lower\",\"ref\":\"after\"}", 40);
            assertTrue(answerTo(ws, "after").contains("\"ack\""), "a normal frame after it");
            ws.sendPadded("{\"type\":\"hand.lower\",\"ref\":\"over\"}", 64 * 1024 + 1);
            while (ws.nextText() != null) {
                // frames the server sent before it closed
            }
            assertEquals(1009, ws.closeCode(), "one byte over 64 KiB in a single frame");
        }
    }

    private static String answerTo(RawWs ws, String ref) throws java.io.IOException {
        for (String frame = ws.nextText(); frame != null; frame = ws.nextText()) {
            if (frame.contains("\"ref\":\"" + ref + "\"")) return frame;
        }
        throw new AssertionError("closed with " + ws.closeCode() + " before answering " + ref);
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
