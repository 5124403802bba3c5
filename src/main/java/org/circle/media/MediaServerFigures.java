package org.circle.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code circle_media_server_up} for the alert on a media server that is gone; no series at all
 * on a server with no media server configured. Not in the health check: Payara calls those from
 * threads on which the application's metric registry cannot be found.
 */
@ApplicationScoped
public class MediaServerFigures {

    @Inject
    MediaServers servers;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!servers.sfuAvailable()) return;
        registry.gauge(Metadata.builder().withName("circle_media_server_up")
                .withDescription("1 while the configured media server (" + servers.kind() + ") takes connections, 0 when it does not").build(),
                servers, s -> Boolean.TRUE.equals(s.reachable()) ? 1 : 0);
    }
}
