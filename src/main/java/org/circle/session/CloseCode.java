package org.circle.session;

/**
 * Why a socket was closed, as the WebSocket close code the browser reads (web/js/close-codes.js
 * lists the same codes; CloseCodesTest holds the two together). The 4000s and 1000 are final:
 * the page does not reconnect after them. 1001 and 1008 come from the edge's transport limits.
 */
public enum CloseCode {
    LEFT(1000),
    GOING_AWAY(1001),
    POLICY(1008),
    REMOVED(4001),
    ENDED(4002),
    DENIED(4003),
    REVOKED(4004),
    REPLACED(4005);

    private final int code;

    CloseCode(int code) { this.code = code; }

    public int code() { return code; }

    /** Whether the page stops here rather than reconnecting: it left, or the session let it go. */
    public boolean isFinal() { return this == LEFT || code >= 4000; }
}
