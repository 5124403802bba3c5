package org.circle.monitoring;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.CircleProcess;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * A whole journey on a server logging JSON lines (issue 23): agreements, a check-in, a chosen
 * name, a support request, private messages, a waiting-room message, a refusal with a reason, a
 * removal, the end and a check-out. Every line from Circle's deployment on is one JSON object;
 * lines name the session by id; and not one name, note, message, check-in detail or agreement
 * text the test typed appears anywhere in the log, Payara's own lines included.
 */
class PrivateLogsIT {

    @Test
    void aWholeJourneyLeavesNoNameOrTextInTheLog() throws Exception {
        Circle circle = CircleServer.standalone("private-logs", Map.of("CIRCLE_LOG_FORMAT", "json"));
        try (CircleProcess process = circle.process()) {
            List<String> typed = new ArrayList<>(List.of(CircleServer.ADMIN_EMAIL, CircleServer.ADMIN_PASSWORD, "Lead Facilitator"));
            Setting s = new Setting(circle);
            typed.add(s.groupName);
            String doc = circle.admin().post("/api/groups/" + s.groupId + "/consent-documents", json("kind", "group-agreement",
                    "title", "Agreement Heliotrope", "body", "What is said here stays Tamarind.", "required", true)).json().getString("id");
            typed.addAll(List.of("Agreement Heliotrope", "stays Tamarind"));
            String ann = s.member("Ann Quillfeather"), bo = s.member("Bo Vantablack");
            typed.addAll(List.of("Ann Quillfeather", "Bo Vantablack", ann, bo));
            for (String member : List.of(ann, bo)) {
                assertEquals(201, circle.http().post("/api/invitations/" + member + "/consents", json("documentId", doc, "decision", "granted")).status());
            }
            assertEquals(201, circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId,
                    "location", "Flat 7 Larkspur Row", "phone", "+44 7700 900123", "privateSpace", true)).status());
            typed.addAll(List.of("Larkspur", "7700 900123"));

            Ws f = s.connect(s.facilitatorTicket());
            Ws a = new Ws(process.baseUrl());
            a.send(Json.createObjectBuilder(Ws.hello(s.memberTicket(ann))).add("displayName", "Annie Sorrelwood").build());
            a.await("welcome");
            typed.add("Annie Sorrelwood");
            String annId = waitingId(f, 1);
            assertEquals("ack", a.call("support.request", "note", "Struggling tonight Zephyrine").getString("type"));
            typed.add("Zephyrine");
            assertEquals("ack", f.call("admit", "participant", annId).getString("type"));
            a.await("admitted");
            assertEquals("ack", a.call("message.facilitators", "text", "Can we talk after Quokkalore").getString("type"));
            assertEquals("ack", f.call("message.send", "text", "Welcome everyone Lanternfish").getString("type"));
            typed.addAll(List.of("Quokkalore", "Lanternfish"));

            Ws b = s.connect(s.memberTicket(bo));
            String boId = waitingId(f, 1);
            assertEquals("ack", f.call("waiting.message", "text", "One moment please Walrusine", "participant", boId).getString("type"));
            assertEquals("ack", f.call("deny", "participant", boId, "reason", "Not tonight Obsidianne").getString("type"));
            assertEquals("ack", f.call("remove", "participant", annId, "reason", "Taking a pause Basaltine").getString("type"));
            assertEquals("ack", f.call("session.end").getString("type"));
            typed.addAll(List.of("Walrusine", "Obsidianne", "Basaltine"));
            assertEquals(201, circle.http().post("/api/invitations/" + ann + "/check-outs", json("sessionId", s.sessionId,
                    "ratings", json("connection", 8, "topics", 7, "approach", 9, "overall", 8),
                    "comment", "It helped Pumpernickel", "goal", "Walk Saxifrage")).status());
            typed.addAll(List.of("Pumpernickel", "Saxifrage"));
            for (Ws ws : List.of(f, a, b)) ws.close();
            // A failure too: a write refused with a stack trace must not carry what was written.
            circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId, "location", "x".repeat(201)));

            String log = process.log();
            String lower = log.toLowerCase(Locale.ROOT);
            for (String text : typed) assertFalse(lower.contains(text.toLowerCase(Locale.ROOT)), "the log holds \"" + text + "\"");

            String circleLines = log.substring(log.indexOf(firstJsonLine(log)));
            int lines = 0;
            boolean namesTheSession = false;
            List<String> participantLines = new ArrayList<>();
            for (String line : circleLines.split("\\R")) {
                if (line.isBlank()) continue;
                JsonObject record = Json.createReader(new StringReader(line)).readObject(); // fails on any line that is not one object
                for (String field : List.of("time", "level", "logger", "message")) assertTrue(record.containsKey(field), field + " in " + line);
                namesTheSession |= s.sessionId.equals(record.getString("session", null));
                if (record.containsKey("participant")) participantLines.add(record.getString("participant"));
                lines++;
            }
            assertTrue(lines > 3, "Circle logged its start: " + lines + " lines");
            assertTrue(namesTheSession, "the session's moments are logged, its id a field of their own");
            assertTrue(participantLines.contains(annId) && participantLines.contains(boId), "Ann's and Bo's arrivals carry their ids: " + participantLines);
            assertFalse(log.contains("Exception executing HealthCheck"), "the health checks answer from the first probe on");
        }
    }

    private static String waitingId(Ws f, int size) {
        return f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == size)
                .getJsonArray("waiting").getJsonObject(0).getString("id");
    }

    private static String firstJsonLine(String log) {
        return log.lines().filter(l -> l.startsWith("{\"time\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON line in the log:\n" + log.substring(Math.max(0, log.length() - 3000))));
    }
}
