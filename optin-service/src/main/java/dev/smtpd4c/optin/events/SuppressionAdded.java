package dev.smtpd4c.optin.events;

import java.time.Instant;

/** Data of dev.smtpd4c.suppression.added.v1 (bounce-service): do not mail the address in the scope. */
public record SuppressionAdded(
        String address,
        /* global or stream:<name> */
        String scope,
        String reason,
        String detail,
        String source,
        String actor,
        Instant suppressedAt) {}
