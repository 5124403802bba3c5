package org.circle.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Readiness's database question for Prometheus, asked on each scrape (a two-second query timeout
 * at most). Not in the health check itself: Payara calls health checks from threads on which the
 * application's metric registry cannot be found.
 */
@ApplicationScoped
public class DatabaseFigures {

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("circle_database_up")
                .withDescription("1 while a query reaches Circle's schema, 0 when it does not").build(),
                this, figures -> Database.answers() ? 1 : 0);
    }
}
