package org.circle.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Quiets one stack trace Grizzly writes for bytes it cannot answer. When a socket closes while
 * the client's last frames are still arriving (1,500 members dropping at once), those WebSocket
 * bytes reach Grizzly's HTTP codec as if they were a new request; it tries to answer 400, but its
 * own bad-request path throws while writing the status line ({@code Protocol.valueOf}: "Unknown
 * protocol", Grizzly issue #2301, fixed upstream after the Grizzly that Payara 6 ships) and
 * {@code DefaultFilterChain} logs {@code GRIZZLY0013} with a full trace. The connection is
 * already gone and nothing of Circle's is involved; any client can cause the same with 28 bytes.
 * So those records (and only those: a GRIZZLY0013 whose trace passes through the bad-request
 * path) are counted and reported as one line a minute at most; every other GRIZZLY0013 is logged
 * as before.
 */
@ApplicationScoped
public class GrizzlyNoise {

    static final String LOGGER = "org.glassfish.grizzly.filterchain.DefaultFilterChain";
    private static final Logger LOG = Logger.getLogger(GrizzlyNoise.class.getName());
    private static final long REPORT_EVERY_MILLIS = 60_000;

    /** Held here: java.util.logging keeps loggers only weakly, and a new one would have no filter. */
    private static Logger grizzly;

    void install(@Observes @Priority(StartOrder.LOG) @Initialized(ApplicationScoped.class) Object started) {
        grizzly = Logger.getLogger(LOGGER);
        grizzly.setFilter(new BadRequestPath(grizzly.getFilter()));
    }

    /** Whether a record is Grizzly failing to answer an unparsable request (and not anything else). */
    static boolean unanswerableRequest(LogRecord record) {
        String message = record.getMessage();
        Throwable thrown = record.getThrown();
        if (message == null || !message.contains("GRIZZLY0013") || thrown == null) return false;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals("org.glassfish.grizzly.http.HttpServerFilter")
                    && (frame.getMethodName().equals("sendBadRequestResponse") || frame.getMethodName().equals("onHttpHeaderError"))) {
                return true;
            }
        }
        return false;
    }

    static final class BadRequestPath implements Filter {
        private final Filter before;
        private final AtomicLong quieted = new AtomicLong();
        private final AtomicLong reportedAt = new AtomicLong();

        BadRequestPath(Filter before) { this.before = before; }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (!unanswerableRequest(record)) return before == null || before.isLoggable(record);
            long n = quieted.incrementAndGet();
            long last = reportedAt.get();
            if (record.getMillis() - last >= REPORT_EVERY_MILLIS && reportedAt.compareAndSet(last, record.getMillis())) {
                quieted.addAndGet(-n);
                LOG.info(() -> n + " unparsable request(s) (bytes of closed sockets, or junk) were closed unanswered"
                        + " by Grizzly; their GRIZZLY0013 traces are not logged (Grizzly issue #2301)");
            }
            return false;
        }
    }
}
