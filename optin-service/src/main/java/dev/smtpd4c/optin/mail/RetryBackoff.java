package dev.smtpd4c.optin.mail;

import java.time.Duration;

/** Exponential backoff for confirmation mails no relay accepted: initial, 2×, 4× … capped. */
public final class RetryBackoff {

    private RetryBackoff() {}

    /** The wait after the {@code failures}-th failed attempt (1 = the first). */
    public static Duration after(int failures, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30); // 2^30 × any sane initial is past any cap
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
