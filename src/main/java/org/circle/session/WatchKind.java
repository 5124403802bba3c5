package org.circle.session;

/**
 * What a watch waits for. The core decides what a watch means when it has run; how long it runs
 * is the edge's to know (a group setting, the server's configuration), so the core stays pure.
 */
public enum WatchKind {
    /** No facilitator has been connected since the watch began: after the group's grace, everyone admitted waits again. */
    FACILITATOR_GRACE
}
