package dev.smtpd4c.sunset.events;

import java.time.Instant;

/** Data of dev.smtpd4c.suppression.added.v1 (bounce-service): do not mail the address in the scope any more. */
public record SuppressionAdded(
        /* normalised address */
        String address,
        /* global, or stream:<name> */
        String scope,
        /* hard-bounce, soft-bounce, complaint or manual */
        String reason,
        String detail,
        String source,
        String actor,
        Instant suppressedAt) {}
