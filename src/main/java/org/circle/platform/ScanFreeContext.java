package org.circle.platform;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a container call with a context class loader that holds nothing. Every frame Tyrus sends
 * re-arms its idle timer on Payara's managed scheduled executor, and every managed submission
 * makes Payara look for thread-context providers with a ServiceLoader scan of the context class
 * loader: hundreds of jars, on every frame. That scan was most of the cost of a relayed signal
 * (docs/performance.md). The idle timer's task needs no context of ours (Circle turns the idle
 * timeout off and runs its own heartbeat), so the scan is given an empty loader to search.
 */
public final class ScanFreeContext {

    private static final ClassLoader NOTHING = new ClassLoader(null) { };

    private ScanFreeContext() { }

    /**
     * Hands tasks to a managed executor without the scan: the submission searches the empty
     * loader, and each task puts the submitter's class loader back itself before it runs (Payara
     * would otherwise restore the empty one it captured). The rest of the context (the
     * application's components, names and transactions) is captured as before; only the search for
     * third-party context providers, of which Circle has none, finds nothing at no cost. Measured:
     * one commit's hand-off was most of a tenth of the server's time under load (docs/performance.md).
     */
    public static Executor handOff(Executor managed) {
        return task -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            run(() -> managed.execute(() -> withLoader(loader, task)));
        };
    }

    /** As {@link #handOff} for one delayed task on a managed scheduled executor. */
    public static void schedule(ScheduledExecutorService managed, Runnable task, long delay, TimeUnit unit) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        run(() -> managed.schedule(() -> withLoader(loader, task), delay, unit));
    }

    private static void withLoader(ClassLoader loader, Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            task.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    public static void run(Runnable call) {
        withLoader(NOTHING, call);
    }
}
