package org.circle.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The media server in the health reports and in {@code /metrics}. Reported, never failing: with
 * the media server down, mesh sessions still serve and SFU sessions say so to their people, so
 * neither the orchestrator's restart (liveness) nor the load balancer (readiness) should act on it.
 * The alert on {@code circle_media_server_up} ({@link MediaServerFigures}) is where it belongs (ops/monitoring).
 * ({@link MediaServerLiveness} says the same in the liveness report: Payara files a check that
 * carries both qualifiers under one of them only.)
 */
@Readiness
@ApplicationScoped
public class MediaServerHealth implements HealthCheck {

    public static final String NAME = "media-server";

    @Inject
    MediaServers servers;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).up().withData("kind", servers.kind()).withData("state", state()).build();
    }

    /** "up", "down", or "not configured": what the health reports say of the media server. */
    public String state() {
        Boolean reachable = servers.reachable();
        return reachable == null ? "not configured" : reachable ? "up" : "down";
    }
}
