package dev.smtpd4c.sunset.recipient;

import dev.smtpd4c.sunset.policy.RecipientActivity;
import java.time.Instant;

/** One engagement row as the evaluation and the answers read it. */
public record StatusRow(RecipientActivity activity, String statusReason, Instant lastHardBounceAt, Instant pinnedUntil,
        Instant statusChangedAt) {

    public boolean pinnedAt(Instant t) {
        return pinnedUntil != null && pinnedUntil.isAfter(t);
    }
}
