package dev.smtpd4c.sunset.events;

import java.time.Instant;

/**
 * Data of dev.smtpd4c.recipient.status-changed.v1: a recipient's status in a stream changed.
 * optin-service re-confirms on toStatus RECONFIRM; senders stop marketing on SUNSET and all mail on SUSPENDED.
 */
public record RecipientStatusChanged(
        /* normalised address */
        String recipient,
        String stream,
        /* ACTIVE, REDUCED, RECONFIRM, SUNSET or SUSPENDED */
        String fromStatus,
        String toStatus,
        /* why, in words an operator can check */
        String reason,
        /* evaluation or override */
        String cause,
        Instant changedAt) {}
