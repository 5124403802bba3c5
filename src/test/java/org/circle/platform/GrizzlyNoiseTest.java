package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Only Grizzly's failing bad-request path is quieted; every other GRIZZLY0013 still reaches the log. */
class GrizzlyNoiseTest {

    private static final String MESSAGE = "GRIZZLY0013: Exception during FilterChain execution";

    private static LogRecord record(String message, Throwable thrown) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setThrown(thrown);
        return r;
    }

    private static Throwable thrownAt(Throwable e, String className, String method) {
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.Protocol", "valueOf", "Protocol.java", 80),
            new StackTraceElement(className, method, "X.java", 1),
            new StackTraceElement("org.glassfish.grizzly.filterchain.DefaultFilterChain", "execute", "DefaultFilterChain.java", 118)});
        return e;
    }

    @Test
    void theBadRequestPathIsQuietedWhateverItThrows() {
        var filter = new GrizzlyNoise.BadRequestPath(null);
        assertFalse(filter.isLoggable(record(MESSAGE, thrownAt(new IllegalStateException("Unknown protocol x"),
                "org.glassfish.grizzly.http.HttpServerFilter", "sendBadRequestResponse"))));
        assertFalse(filter.isLoggable(record(MESSAGE, thrownAt(new NullPointerException(),
                "org.glassfish.grizzly.http.HttpServerFilter", "onHttpHeaderError"))));
    }

    @Test
    void everythingElseIsLoggedAsBefore() {
        var filter = new GrizzlyNoise.BadRequestPath(null);
        assertTrue(filter.isLoggable(record(MESSAGE, thrownAt(new NullPointerException(),
                "org.glassfish.tyrus.core.ProtocolHandler", "close"))), "a failure elsewhere in the chain");
        assertTrue(filter.isLoggable(record(MESSAGE, null)));
        assertTrue(filter.isLoggable(record("GRIZZLY0001: something else", thrownAt(new IllegalStateException(),
                "org.glassfish.grizzly.http.HttpServerFilter", "sendBadRequestResponse"))));
        var strict = new GrizzlyNoise.BadRequestPath(r -> false);
        assertFalse(strict.isLoggable(record(MESSAGE, null)), "a filter that was there before still decides the rest");
    }
}
