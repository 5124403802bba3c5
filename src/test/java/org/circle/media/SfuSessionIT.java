package org.circle.media;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.circle.testing.CircleProcess;
import org.circle.testing.Http;
import org.circle.testing.TestDatabase;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * An SFU session end to end: Circle (the real jar) drives a scripted Kurento over a real
 * WebSocket while a facilitator and a member talk to Circle over theirs. A real Kurento cannot
 * be installed on this machine; the media path through one is verified only where one runs.
 */
class SfuSessionIT {

    @Test
    void publishingSubscribingMutingAndLeavingGoThroughTheMediaServer() throws Exception {
        ScriptedKms kms = new ScriptedKms();
        kms.start();
        for (int i = 0; i < 50 && kms.getPort() == 0; i++) Thread.sleep(20);
        try (TestDatabase database = new TestDatabase()) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("CIRCLE_SETUP_CODE", "SFU-CODE");
            env.put("CIRCLE_KMS_URL", kms.url());
            try (CircleProcess circle = new CircleProcess("sfu", env).start()) {
                Http http = new Http(circle.baseUrl());
                http.post("/api/setup", json("setupCode", "SFU-CODE", "email", "s@clinic.test", "displayName", "S", "password", "sfu passphrase 1"));
                Http admin = http.as(http.post("/api/auth/login", json("email", "s@clinic.test", "password", "sfu passphrase 1")).json().getString("token"));
                String gid = admin.post("/api/groups", json("name", "Big group")).json().getString("id");
                String sid = admin.post("/api/groups/" + gid + "/sessions", json("title", "Large", "startsAt", "2026-11-22T18:00:00Z", "minutes", 60, "media", "sfu")).json().getString("id");
                String invitation = admin.post("/api/groups/" + gid + "/members", json("displayName", "Ann")).json().getJsonObject("invitation").getString("token");

                Ws f = new Ws(circle.baseUrl());
                f.send(Ws.hello(admin.post("/api/sessions/" + sid + "/tickets", null).json().getString("ticket")));
                JsonObject fw = f.await("welcome");
                assertEquals("sfu", fw.getJsonObject("session").getString("media"));
                assertTrue(fw.getJsonObject("session").getBoolean("mediaAvailable"));
                String fId = fw.getJsonObject("you").getString("id");

                Ws a = new Ws(circle.baseUrl());
                a.send(Ws.hello(http.post("/api/sessions/" + sid + "/tickets", json("invitation", invitation)).json().getString("ticket")));
                String aId = a.await("welcome").getJsonObject("you").getString("id");
                assertEquals("NOT_ADMITTED", a.call("media.publish", "sdp", "v=0 offer").getString("code"), "waiting people send media nowhere");
                assertTrue(kms.calls("create", "WebRtcEndpoint").isEmpty());

                f.call("admit", "participant", aId);
                a.await("admitted");
                assertEquals("ack", a.call("media.publish", "sdp", "v=0 offer from ann").getString("type"));
                JsonObject answer = a.await("media.answer");
                assertEquals(aId, answer.getString("participant"));
                assertTrue(answer.getString("sdp").startsWith("v=0 answer for WebRtcEndpoint"));
                assertEquals(1, kms.calls("create", "MediaPipeline").size());

                assertEquals("ack", f.call("media.subscribe", "participant", aId, "sdp", "v=0 offer from f").getString("type"));
                assertEquals(aId, f.await("media.answer").getString("participant"));
                assertEquals("UNKNOWN_PARTICIPANT", f.call("media.subscribe", "participant", "nobody", "sdp", "x").getString("code"));

                // v1.1's server offer, the form the browser uses: Kurento generates it, the viewer answers.
                assertEquals("ack", f.call("media.subscribe", "participant", aId).getString("type"));
                JsonObject serverOffer = f.await("media.offer");
                assertEquals(aId, serverOffer.getString("participant"));
                assertTrue(serverOffer.getString("sdp").startsWith("v=0 offer from WebRtcEndpoint"), serverOffer.toString());
                assertEquals("ack", f.call("media.accept", "participant", aId, "sdp", "v=0 answer from f").getString("type"));
                await(() -> kms.calls("invoke", "processAnswer").size() == 1);
                assertTrue(f.call("media.accept", "participant", aId, "sdp", "v=0 again").containsKey("code"), "an answer with no offer waiting is refused");

                String annPublisher = kms.objects.entrySet().stream().filter(e -> e.getValue().equals("WebRtcEndpoint"))
                        .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
                kms.candidateFound(annPublisher, "candidate:1 1 udp 1 127.0.0.1 5000 typ host");
                JsonObject ice = a.await("media.ice");
                assertEquals(aId, ice.getString("participant"));
                assertEquals("ack", a.call("media.ice", "participant", aId, "candidate",
                        json("candidate", "candidate:2 1 udp 1 127.0.0.1 6000 typ host", "sdpMid", "0", "sdpMLineIndex", 0)).getString("type"));
                await(() -> kms.calls("invoke", "addIceCandidate").size() == 1);

                a.call("self.media", "audio", true);
                f.call("mute", "participant", aId);
                await(() -> kms.calls("invoke", "disconnect").stream().anyMatch(c -> c.params().toString().contains("AUDIO")));

                f.call("remove", "participant", aId);
                await(() -> kms.objects.values().stream().noneMatch(t -> t.equals("WebRtcEndpoint")));
                f.call("session.end");
                await(() -> kms.objects.isEmpty());
                assertFalse(fId.isEmpty());
            }
        } finally {
            kms.stop(1000);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the media server never saw it");
    }
}
