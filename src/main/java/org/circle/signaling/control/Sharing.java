package org.circle.signaling.control;

/**
 * How a room shares its session with the other instances of a cluster (contract section 3):
 * a cluster-wide lock per session around every command, the session's entry in the data grid
 * read under it and written before it is let go, and frames handed to the instance that holds
 * their recipient's socket. A single instance shares nothing: {@link #ALONE}.
 */
public interface Sharing {

    /** Whether this instance shares its sessions with others. */
    boolean on();

    /** This instance's name among the others (its data-grid member id). */
    String here();

    /**
     * Takes the session's cluster-wide lock and reads its entry if it is newer than version
     * {@code known}; null when the grid holds none yet or nothing newer (then nothing is opened).
     */
    SharedRoom lock(String sessionId, long known);

    /** Whether the grid holds the session's entry (it is live on some instance). */
    default boolean holds(String sessionId) { return sessionIds().contains(sessionId); }

    /** Writes the session's entry; only with its lock held. */
    void put(String sessionId, SharedRoom entry);

    void unlock(String sessionId);

    /** The session's entry as the grid holds it now, without its lock; null when there is none. */
    SharedRoom read(String sessionId);

    /** Every session the grid holds (ended ones for a while after their end). */
    java.util.Collection<String> sessionIds();

    /** Hands one frame to the instance holding {@code participant}'s socket (a relayed signal). */
    void relay(String instance, String sessionId, String participant, String frame);

    Sharing ALONE = new Sharing() {
        @Override public boolean on() { return false; }
        @Override public String here() { return "alone"; }
        @Override public SharedRoom lock(String sessionId, long known) { return null; }
        @Override public void put(String sessionId, SharedRoom entry) { }
        @Override public void unlock(String sessionId) { }
        @Override public SharedRoom read(String sessionId) { return null; }
        @Override public java.util.Collection<String> sessionIds() { return java.util.List.of(); }
        @Override public void relay(String instance, String sessionId, String participant, String frame) { }
    };
}
