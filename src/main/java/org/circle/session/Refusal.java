package org.circle.session;

/** Why a command was refused. A refused command changes nothing. */
public record Refusal(ErrorCode code, String message) {

    static RefusedException of(ErrorCode code, String message) {
        return new RefusedException(new Refusal(code, message));
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
