package org.circle.signaling.control;

import org.circle.session.Outcome;
import org.circle.session.Refusal;

/**
 * Who hears how a command went: the person who sent a frame, or nobody (timers, consent,
 * revocation). A refusal is told at once; so is a command whose durable facts could not be
 * committed ({@code NOT_RECORDED}: it did not happen); an accepted command once they are.
 * ({@code failure} is null from {@link Room}, which turns a failed commit into a refusal.)
 */
public interface Answer {

    void refused(Refusal refusal);

    void recorded(Outcome outcome, Throwable failure);

    Answer NOBODY = new Answer() {
        @Override public void refused(Refusal refusal) { }
        @Override public void recorded(Outcome outcome, Throwable failure) { }
    };

    /** Answers on the sender's socket: error for a refusal; ack for a frame that carried a ref. */
    static Answer to(Connection c, String ref) {
        return new Answer() {
            @Override public void refused(Refusal refusal) { c.send(ServerFrames.refusal(ref, refusal)); }
            @Override public void recorded(Outcome outcome, Throwable failure) {
                if (ref != null) c.send(failure == null ? ServerFrames.ack(ref, outcome) : ServerFrames.notRecorded(ref));
            }
        };
    }
}
