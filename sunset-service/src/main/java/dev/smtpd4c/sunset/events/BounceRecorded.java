package dev.smtpd4c.sunset.events;

import java.time.Instant;

/**
 * Data of dev.smtpd4c.bounce.recorded.v1 (bounce-service): a message to the recipient failed or is
 * delayed. This service counts hard bounces towards suspension; the other fields travel along.
 */
public record BounceRecorded(
        /* normalised address */
        String recipient,
        String status,
        String replyCode,
        String reason,
        /* permanent address-level failure */
        boolean hardBounce,
        String action,
        String diagnosticCode,
        String decodedBy,
        String reportingMta,
        String remoteMta,
        /* From domain of the returned message; empty when unknown */
        String sendingDomain,
        /* X-SMTPD4C-Stream; empty when unknown */
        String stream,
        String originalMessageId,
        String smtpd4cMessageId,
        String source,
        Instant recordedAt) {}
