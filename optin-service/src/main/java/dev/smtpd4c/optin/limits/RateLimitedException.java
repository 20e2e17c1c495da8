package dev.smtpd4c.optin.limits;

import java.time.Duration;

/** Too many requests in a bucket; rendered as 429 problem+json with Retry-After. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many requests from this client or for this address or domain; try again in "
                + retryAfterSeconds(retryAfter) + " s.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1 (RFC 9110 10.2.3 delay-seconds). */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
