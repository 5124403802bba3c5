package org.circle.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** The media server in the liveness report too: the same report as readiness, never failing. */
@Liveness
@ApplicationScoped
public class MediaServerLiveness implements HealthCheck {

    @Inject
    @Readiness
    MediaServerHealth health;

    @Override
    public HealthCheckResponse call() { return health.call(); }
}
