package org.circle.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circle.platform.Figures;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A media port that counts its calls to the media server and the ones that failed, by call, for
 * {@code /metrics}: an operator sees a media server in trouble before a facilitator reports it.
 */
final class MeteredPort implements MediaPort {

    private static final Metadata CALLS = Metadata.builder().withName("circle_media_calls")
            .withDescription("Calls to the media server, by call").build();
    private static final Metadata FAILURES = Metadata.builder().withName("circle_media_failures")
            .withDescription("Calls to the media server that failed, by call").build();

    private final MediaPort port;
    private final MetricRegistry registry;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    MeteredPort(MediaPort port, MetricRegistry registry) {
        this.port = port;
        this.registry = registry;
    }

    private interface Call<T> {
        T run() throws MediaUnavailable;
    }

    private <T> T counted(String call, Call<T> work) throws MediaUnavailable {
        counter(calls, CALLS, call).inc();
        try {
            return work.run();
        } catch (MediaUnsupported e) {
            throw e; // the client asked in a way this server does not take: not the media server's failure
        } catch (MediaUnavailable | RuntimeException e) {
            counter(failures, FAILURES, call).inc();
            throw e;
        }
    }

    @Override public boolean available() { return port.available(); }

    @Override public String publish(String sessionId, String participant, String sdpOffer) throws MediaUnavailable {
        return counted("publish", () -> port.publish(sessionId, participant, sdpOffer));
    }

    @Override public String subscribe(String sessionId, String viewer, String publisher, String sdpOffer) throws MediaUnavailable {
        return counted("subscribe", () -> port.subscribe(sessionId, viewer, publisher, sdpOffer));
    }

    @Override public void subscribe(String sessionId, String viewer, String publisher) throws MediaUnavailable {
        counted("subscribe", () -> {
            port.subscribe(sessionId, viewer, publisher);
            return null;
        });
    }

    @Override public void accept(String sessionId, String viewer, String publisher, String sdpAnswer) throws MediaUnavailable {
        counted("accept", () -> {
            port.accept(sessionId, viewer, publisher, sdpAnswer);
            return null;
        });
    }

    @Override public void ice(String sessionId, String participant, String endpointOf, IceCandidate candidate) throws MediaUnavailable {
        counted("ice", () -> {
            port.ice(sessionId, participant, endpointOf, candidate);
            return null;
        });
    }

    @Override public void access(String sessionId, String participant, boolean mayPublish, boolean audioForwarded) {
        uncheckedCount("access", () -> port.access(sessionId, participant, mayPublish, audioForwarded));
    }

    @Override public void close(String sessionId) {
        uncheckedCount("close", () -> port.close(sessionId));
    }

    private void uncheckedCount(String call, Runnable work) {
        counter(calls, CALLS, call).inc();
        try {
            work.run();
        } catch (RuntimeException e) {
            counter(failures, FAILURES, call).inc();
            throw e;
        }
    }

    private Counter counter(Map<String, Counter> made, Metadata metadata, String call) {
        return made.computeIfAbsent(call, c -> Figures.counter(registry, metadata, new Tag("call", c)));
    }
}
