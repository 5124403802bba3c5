package org.circle.signaling.boundary;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Tyrus re-arms a socket's idle timer on every frame, received or sent, on the executor its
 * container handed the session: Payara's managed scheduled executor, whose every submission
 * captures thread context with a ServiceLoader scan of the context class loader. That was the
 * largest cost of a relayed signal (docs/performance.md). Circle turns the idle timeout off (its
 * heartbeat watches for silence), so the timer's task does nothing; each session is given a plain
 * executor for it instead. Tyrus and Payara offer no setting for this. That executor does not even
 * queue a timer for a timeout of zero ({@link Plain}): queued, each one woke the timer thread once
 * per frame, a switch between threads per frame on a busy core.
 * Where the session has no such field (another Tyrus), the socket keeps the container's executor,
 * works as before, and the log says so once. (Public for the load benchmark's raw relay, which
 * uses it too so that it stays the stack's ceiling.)
 */
public final class PlainIdleTimer {

    private static final Logger LOG = Logger.getLogger(PlainIdleTimer.class.getName());
    /** Only for the load benchmark's side-by-side ({@code -Dload.jvm=-Dcircle.bench.containerIdleTimer=true}). */
    private static final boolean CONTAINERS = Boolean.getBoolean("circle.bench.containerIdleTimer");
    private static final ScheduledExecutorService PLAIN = plain();
    private static volatile Field service;
    private static volatile boolean unavailable;

    private PlainIdleTimer() { }

    /** Before the session's first timer is armed: from then on its timers run on the plain executor. */
    public static void use(Session socket) {
        if (unavailable || CONTAINERS) return;
        try {
            Field field = service;
            if (field == null) service = field = serviceField(socket.getClass());
            field.set(socket, PLAIN);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.warning(() -> "each socket's idle timer stays on the container's executor (" + e + "): frames cost more");
        }
    }

    private static Field serviceField(Class<?> session) throws NoSuchFieldException {
        for (Class<?> c = session; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField("service");
                if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) break;
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(session.getName() + " has no scheduled executor field 'service'");
    }

    private static ScheduledExecutorService plain() {
        ScheduledThreadPoolExecutor executor = new Plain(r -> {
            Thread t = new Thread(r, "circle-idle-timers");
            t.setDaemon(true);
            return t;
        });
        // A re-armed timer cancels the one before it: drop those at once rather than when they fall due.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /**
     * Tyrus's idle timer for a session whose idle timeout is zero is scheduled with a delay of zero
     * and, when it runs, returns at once ({@code TyrusSession.IdleTimeoutCommand} checks the timeout
     * first): such a timer is answered as done without being queued or run. Any other task, and an
     * idle timer for a real timeout, runs as on any scheduled executor.
     */
    static final class Plain extends ScheduledThreadPoolExecutor {

        private static final ScheduledFuture<Object> NOTHING_TO_TIME = new Done();
        private static volatile boolean reported;

        Plain(ThreadFactory threads) { super(1, threads); }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay > 0 || !command.getClass().getName().endsWith("$IdleTimeoutCommand")) return super.schedule(command, delay, unit);
            if (!reported) {
                reported = true;
                LOG.info("sockets' idle timers are off (the heartbeat watches for silence): Tyrus's re-arm per frame is not queued");
            }
            return NOTHING_TO_TIME;
        }
    }

    /** A timer that has nothing left to do: cancelling it changes nothing. */
    private static final class Done implements ScheduledFuture<Object> {
        @Override public long getDelay(TimeUnit unit) { return 0; }
        @Override public int compareTo(Delayed other) { return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS)); }
        @Override public boolean cancel(boolean mayInterruptIfRunning) { return false; }
        @Override public boolean isCancelled() { return false; }
        @Override public boolean isDone() { return true; }
        @Override public Object get() { return null; }
        @Override public Object get(long timeout, TimeUnit unit) { return null; }
    }
}
