package org.circle.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code CIRCLE_LOG_FORMAT=json} turns the server's log into {@link JsonLines} from the moment
 * Circle deploys: first of Circle's start-up beans, so its own first line is already JSON. What
 * Payara writes while booting, before any application exists, stays in Payara's format
 * (docs/operations.md says how to have those lines in JSON too).
 */
@ApplicationScoped
public class LogFormat {

    private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());

    void install(@Observes @Priority(StartOrder.LOG) @Initialized(ApplicationScoped.class) Object started) {
        String format = ConfigProvider.getConfig(LogFormat.class.getClassLoader())
                .getOptionalValue("CIRCLE_LOG_FORMAT", String.class).orElse("text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> {
                for (Handler handler : Logger.getLogger("").getHandlers()) handler.setFormatter(new JsonLines());
                LOG.info("the log is JSON lines from here on (CIRCLE_LOG_FORMAT=json)");
            }
            case "text", "" -> { }
            default -> LOG.warning("CIRCLE_LOG_FORMAT must be json or text; the log stays text");
        }
    }
}
