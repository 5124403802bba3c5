package org.circle.platform;

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

    public static void run(Runnable call) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(NOTHING);
        try {
            call.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
