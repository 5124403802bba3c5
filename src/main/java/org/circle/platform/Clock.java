package org.circle.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one place Circle reads the time, so that everything below it can be handed a time. */
@ApplicationScoped
public class Clock {
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
