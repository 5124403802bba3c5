package org.circle.session;

/** The refusal codes of the live protocol, spelled as on the wire. */
public enum ErrorCode {
    /** Circle's own: a support request id that is not open (unknown, or already acknowledged). */
    UNKNOWN_REQUEST,
    /** v1.1: the group requires a check-in before admission and this member has not made one. */
    CHECK_IN_MISSING,
    BAD_MESSAGE, TICKET_INVALID, FORBIDDEN, NOT_ADMITTED, UNKNOWN_PARTICIPANT, CONSENT_INCOMPLETE,
    NOT_YOUR_TURN, LOCKED, SESSION_ENDED, RATE_LIMITED, MEDIA_UNAVAILABLE, INTERNAL,
    /** An extension of v1: the command's durable record could not be written, so it did not happen. */
    NOT_RECORDED,
    /** An extension of v1: the name chosen in hello cannot be shown (invisible characters, or a facilitator's name). */
    NAME_REFUSED
}
