package org.circle.care.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.circle.platform.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes check-ins once they are {@code CIRCLE_CHECKIN_RETENTION_DAYS} old (default 30), checking
 * every {@code CIRCLE_CHECKIN_SWEEP_SECONDS} (default an hour) and once shortly after start, so
 * that a server that was down on the day still deletes them.
 */
@ApplicationScoped
public class CheckInRetention {

    private static final Logger LOG = Logger.getLogger(CheckInRetention.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_CHECKIN_RETENTION_DAYS", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "CIRCLE_CHECKIN_SWEEP_SECONDS", defaultValue = "3600")
    long sweepSeconds;

    @Resource
    ManagedScheduledExecutorService timers;

    @Inject
    CheckIns checkIns;

    @Inject
    Clock clock;

    private ScheduledFuture<?> job;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = Math.max(1, sweepSeconds);
        job = timers.scheduleWithFixedDelay(this::sweep, Math.min(every, 10), every, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            int deleted = checkIns.deleteBefore(clock.now().minus(Duration.ofDays(Math.max(0, retentionDays))));
            if (deleted > 0) LOG.info("Deleted " + deleted + " check-ins older than " + retentionDays + " days.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The check-in retention sweep failed; it runs again in " + sweepSeconds + " s.", e);
        }
    }

    @PreDestroy
    void stop() {
        if (job != null) job.cancel(false);
    }
}
