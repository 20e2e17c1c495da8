package dev.smtpd4c.optin.events;

import java.time.Instant;

/** Data of dev.smtpd4c.recipient.status-changed.v1 (sunset-service): ACTIVE, REDUCED, RECONFIRM, SUNSET or SUSPENDED. */
public record RecipientStatusChanged(
        String recipient,
        String stream,
        String fromStatus,
        String toStatus,
        String reason,
        /* evaluation or override */
        String cause,
        Instant changedAt) {}
