package org.circle.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kurento.client.KurentoClient;

/** The SFU adapter against a scripted Kurento over a real WebSocket on loopback. */
class KurentoSfuTest {

    private ScriptedKms kms;
    private KurentoClient client;
    private volatile KurentoSfu sfu;
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        kms = new ScriptedKms();
        kms.start();
        for (int i = 0; i < 50 && kms.getPort() == 0; i++) Thread.sleep(20);
        Thread.sleep(100);
        client = KurentoClient.create(kms.url(), new org.kurento.client.KurentoConnectionListener() {
            @Override public void connected() { }
            @Override public void connectionFailed() { }
            @Override public void disconnected() { }
            @Override public void reconnected(boolean sameServer) { if (!sameServer) sfu.mediaServerRestarted(); }
        });
        sfu = new KurentoSfu(() -> client, new MediaListener() {
            @Override
            public void candidate(String sessionId, String to, String endpointOf, IceCandidate candidate) {
                told.add("candidate " + sessionId + " to " + to + " of " + endpointOf + " " + candidate.candidate());
            }

            @Override
            public void republish(String sessionId) {
                told.add("republish " + sessionId);
            }

            @Override
            public void offer(String sessionId, String viewer, String publisher, String sdp) {
                told.add("offer " + sessionId + " to " + viewer + " of " + publisher + " " + sdp);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        client.destroy();
        kms.stop(1000);
    }

    private List<String> createdIds(String type) {
        return kms.objects.entrySet().stream().filter(e -> e.getValue().equals(type)).map(java.util.Map.Entry::getKey).sorted().toList();
    }

    @Test
    void publishingCreatesAPipelineAndAnEndpointAndAnswers() throws Exception {
        String answer = sfu.publish("s1", "ann", "v=0 offer");
        assertTrue(answer.startsWith("v=0 answer for WebRtcEndpoint"), answer);
        assertEquals(1, kms.calls("create", "MediaPipeline").size());
        assertEquals(1, kms.calls("create", "WebRtcEndpoint").size());
        assertEquals(1, kms.calls("invoke", "processOffer").size());
        assertEquals(1, kms.calls("invoke", "gatherCandidates").size());
        sfu.publish("s1", "bo", "v=0 offer");
        assertEquals(1, kms.calls("create", "MediaPipeline").size(), "one pipeline per session");
    }

    @Test
    void subscribingConnectsThePublisherToANewEndpoint() throws Exception {
        sfu.publish("s1", "ann", "offer");
        sfu.subscribe("s1", "bo", "ann", "offer");
        assertEquals(2, kms.calls("create", "WebRtcEndpoint").size());
        assertEquals(1, kms.calls("invoke", "connect").size());
        assertThrows(MediaUnavailable.class, () -> sfu.subscribe("s1", "bo", "cy", "offer"), "cy is not publishing");
    }

    @Test
    void candidatesBeforeTheEndpointAreKeptAndCandidatesFoundReachThePerson() throws Exception {
        sfu.ice("s1", "ann", "ann", new IceCandidate("candidate:early", "0", 0));
        sfu.publish("s1", "ann", "offer");
        assertEquals(1, kms.calls("invoke", "addIceCandidate").size(), "the early candidate was added once the endpoint existed");
        String endpoint = createdIds("WebRtcEndpoint").get(0);
        kms.candidateFound(endpoint, "candidate:from-kms");
        for (int i = 0; i < 100 && told.isEmpty(); i++) Thread.sleep(20);
        assertEquals(List.of("candidate s1 to ann of ann candidate:from-kms"), told);
        sfu.ice("s1", "ann", "ann", new IceCandidate("candidate:late", "0", 0));
        assertEquals(2, kms.calls("invoke", "addIceCandidate").size());
    }

    @Test
    void mutingStopsForwardingAudioOnly() throws Exception {
        sfu.publish("s1", "ann", "offer");
        sfu.subscribe("s1", "bo", "ann", "offer");
        sfu.access("s1", "ann", true, false);
        var disconnects = kms.calls("invoke", "disconnect");
        assertEquals(1, disconnects.size());
        assertTrue(disconnects.get(0).params().toString().contains("AUDIO"), disconnects.get(0).params().toString());
        sfu.access("s1", "ann", true, true);
        var connects = kms.calls("invoke", "connect");
        assertEquals(2, connects.size());
        assertTrue(connects.get(1).params().toString().contains("AUDIO"));
        sfu.subscribe("s1", "cy", "ann", "offer");
        sfu.access("s1", "ann", true, false);
        sfu.subscribe("s1", "dee", "ann", "offer");
        assertTrue(kms.calls("invoke", "connect").get(3).params().toString().contains("VIDEO"), "a new viewer of a muted person gets video only");
    }

    @Test
    void leavingReleasesEverythingOfThatPersonAndEndingReleasesThePipeline() throws Exception {
        sfu.publish("s1", "ann", "offer");
        sfu.publish("s1", "bo", "offer");
        sfu.subscribe("s1", "bo", "ann", "offer");
        sfu.subscribe("s1", "ann", "bo", "offer");
        assertEquals(4, createdIds("WebRtcEndpoint").size());
        sfu.access("s1", "ann", false, false);
        assertEquals(1, createdIds("WebRtcEndpoint").size(), "ann's publisher and both subscriptions involving her are released");
        sfu.close("s1");
        assertTrue(createdIds("MediaPipeline").isEmpty(), "the pipeline is released when the session ends");
    }

    @Test
    void aRestartedMediaServerRebuildsAndAsksClientsToPublishAgain() throws Exception {
        sfu.publish("s1", "ann", "offer");
        kms.restart();
        for (int i = 0; i < 300 && !told.contains("republish s1"); i++) Thread.sleep(50);
        assertTrue(told.contains("republish s1"), "clients are asked to publish again: " + told);
        assertTrue(kms.calls.stream().filter(c -> c.method().equals("connect")).count() >= 2, "the client reconnected");
        String answer = sfu.publish("s1", "bo", "offer");
        assertTrue(answer.startsWith("v=0 answer"), "a new pipeline was built");
        assertEquals(2, kms.calls("create", "MediaPipeline").size());
    }

    @Test
    void aCallThatFindsThePipelineGoneAlsoRebuilds() throws Exception {
        sfu.publish("s1", "ann", "offer");
        kms.objects.clear(); // the server lost our objects without the client noticing a reconnect
        assertThrows(MediaUnavailable.class, () -> sfu.subscribe("s1", "bo", "ann", "offer").length());
        assertTrue(told.contains("republish s1"));
        sfu.publish("s1", "ann", "offer");
        assertEquals(2, kms.calls("create", "MediaPipeline").size());
    }

    @Test
    void aServerOfferIsMadeAtOnceForAPublisherAndTheAnswerCompletesIt() throws Exception {
        sfu.publish("s1", "ann", "offer");
        sfu.subscribe("s1", "bo", "ann");
        assertEquals(1, kms.calls("invoke", "generateOffer").size());
        assertEquals(1, kms.calls("invoke", "connect").size(), "the subscription is fed from Ann's endpoint");
        String offer = told.stream().filter(t -> t.startsWith("offer s1 to bo of ann ")).findFirst().orElseThrow(() -> new AssertionError(told));
        assertTrue(offer.contains("v=0 offer from WebRtcEndpoint"), offer);
        sfu.ice("s1", "bo", "ann", new IceCandidate("candidate:before-answer", "0", 0));
        assertEquals(0, kms.calls("invoke", "addIceCandidate").size(), "a viewer's candidate waits for its answer");
        sfu.accept("s1", "bo", "ann", "v=0 answer");
        assertEquals(1, kms.calls("invoke", "processAnswer").size());
        assertEquals(1, kms.calls("invoke", "addIceCandidate").size(), "and is added once the answer is in");
        assertThrows(MediaUnavailable.class, () -> sfu.accept("s1", "bo", "ann", "v=0 answer"), "an answer with no offer waiting is refused");
    }

    @Test
    void aViewerWhoAsksBeforeThePublisherPublishesIsOfferedOnceTheyDo() throws Exception {
        sfu.subscribe("s1", "bo", "ann");
        assertTrue(told.isEmpty(), "nothing to offer yet: " + told);
        sfu.publish("s1", "ann", "offer");
        assertTrue(told.stream().anyMatch(t -> t.startsWith("offer s1 to bo of ann ")), "offered once Ann published: " + told);
        sfu.access("s1", "ann", true, false);
        sfu.subscribe("s1", "cy", "ann");
        assertTrue(kms.calls("invoke", "connect").get(1).params().toString().contains("VIDEO"), "a new viewer of a muted person gets video only");
    }

    @Test
    void aViewerWhoLeavesIsNotOfferedLater() throws Exception {
        sfu.subscribe("s1", "bo", "ann");
        sfu.access("s1", "bo", false, false);
        sfu.publish("s1", "ann", "offer");
        assertEquals(0, kms.calls("invoke", "generateOffer").size(), "Bo left before Ann published: " + told);
    }

    @Test
    void withoutAMediaServerEverythingIsUnavailable() {
        KurentoSfu none = new KurentoSfu(() -> null, null);
        assertThrows(MediaUnavailable.class, () -> none.publish("s", "p", "offer"));
    }
}
