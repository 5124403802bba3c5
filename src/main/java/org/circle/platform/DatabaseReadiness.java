package org.circle.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Ready means the database answers: without it Circle can record no consent and admit nobody. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    MetricRegistry registry;

    /** The same question for Prometheus, asked on each scrape (a two-second query timeout at most). */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("circle_database_up")
                .withDescription("1 while a query reaches Circle's schema, 0 when it does not").build(),
                this, r -> Database.answers() ? 1 : 0);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(Database.answers()).build();
    }
}
