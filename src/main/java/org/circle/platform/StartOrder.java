package org.circle.platform;

/**
 * The order of Circle's own start, as priorities of observers of the application's start
 * ({@code @Observes @Priority(...) @Initialized(ApplicationScoped.class)}): the log's format
 * first, so that every later line is already in it; then the database; then whatever reads it.
 * Plain CDI rather than EJB singletons: without an enterprise bean in it, Payara does not start
 * its EJB container for Circle at all (docs/performance.md, "Start-up").
 */
public final class StartOrder {

    public static final int LOG = 100;
    public static final int DATABASE = 200;
    public static final int AFTER_DATABASE = 300;

    private StartOrder() { }
}
