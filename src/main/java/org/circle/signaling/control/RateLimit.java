package org.circle.signaling.control;

/**
 * A token bucket per connection: bursts up to {@code capacity} frames (a browser trickling ICE
 * to several peers at once), refilled at {@code perSecond}. A connection that keeps hitting the
 * limit is abusive: after {@code patience} refusals without the bucket recovering it is closed.
 * A client has calmed down once its bucket is full again; until then its refusals add up, so a
 * flood that the refill keeps half-feeding is still recognised. Not thread-safe: a socket's
 * frames arrive one at a time.
 */
public final class RateLimit {

    public enum Verdict { ALLOW, REFUSE, CLOSE }

    private final double capacity;
    private final double perNano;
    private final int patience;
    private double tokens;
    private long last;
    private int refusedSinceCalm;

    public RateLimit(int capacity, int perSecond, int patience, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.patience = patience;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** The default for a person's socket: 120 frames at once, 40 a second after that. */
    public static RateLimit forPerson(long nowNanos) {
        return new RateLimit(120, 40, 200, nowNanos);
    }

    public Verdict take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= capacity) refusedSinceCalm = 0;
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ALLOW;
        }
        return ++refusedSinceCalm > patience ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
