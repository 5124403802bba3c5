package org.circle.session;

/**
 * Why a command was refused. A refused command changes nothing. {@code retryAfterSeconds}: for a
 * refusal that only asks to wait ({@code RATE_LIMITED}), how long; null otherwise.
 */
public record Refusal(ErrorCode code, String message, Integer retryAfterSeconds) {

    public Refusal(ErrorCode code, String message) { this(code, message, null); }

    static RefusedException of(ErrorCode code, String message) {
        return of(new Refusal(code, message));
    }

    static RefusedException of(Refusal refusal) {
        return new RefusedException(refusal);
    }

    /** Thrown inside the core before any state is touched; never escapes {@link LiveSession#apply}. */
    static final class RefusedException extends RuntimeException {
        final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }
}
