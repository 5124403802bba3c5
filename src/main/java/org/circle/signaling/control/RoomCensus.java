package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The live sessions on this server and who is connected to them, as gauges for {@code /metrics}:
 * read from the rooms when Prometheus asks, never kept up to date on the way.
 */
@ApplicationScoped
public class RoomCensus {

    @Inject
    Rooms rooms;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("circle_sessions_live")
                .withDescription("Sessions live on this server (a facilitator has come and it has not ended)").build(),
                this, c -> c.count(census -> census.live() ? 1 : 0));
        registry.gauge(Metadata.builder().withName("circle_sessions_unfacilitated")
                .withDescription("Live sessions on this server with no facilitator connected").build(),
                this, c -> c.count(census -> census.live() && census.facilitators() == 0 ? 1 : 0));
        Metadata connected = Metadata.builder().withName("circle_people_connected")
                .withDescription("People connected to this server's sessions, by role (waiting members included)").build();
        registry.gauge(connected, this, c -> c.count(Census::facilitators), new Tag("role", "facilitator"));
        registry.gauge(connected, this, c -> c.count(Census::participants), new Tag("role", "participant"));
        registry.gauge(Metadata.builder().withName("circle_people_waiting")
                .withDescription("People connected and waiting to be admitted").build(),
                this, c -> c.count(Census::waiting));
    }

    private int count(ToIntFunction<Census> figure) {
        return rooms.all().stream().map(Room::census).mapToInt(figure).sum();
    }
}
