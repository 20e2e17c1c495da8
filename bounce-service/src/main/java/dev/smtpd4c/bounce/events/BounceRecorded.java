package dev.smtpd4c.bounce.events;

import java.time.Instant;

/** Data of dev.smtpd4c.bounce.recorded.v1: a message to {@code recipient} failed or was delayed. */
public record BounceRecorded(
        /* normalised address */
        String recipient,
        /* enhanced status code, e.g. 5.1.1; "" when the report gave none */
        String status,
        String replyCode,
        /* Sisimai 5 reason name */
        String reason,
        boolean hardBounce,
        /* DSN action: failed, delayed */
        String action,
        String diagnosticCode,
        /* the decoder or webhook that read it */
        String decodedBy,
        String reportingMta,
        String remoteMta,
        /* domain of the returned message's From */
        String sendingDomain,
        /* X-SMTPD4C-Stream of the returned message */
        String stream,
        String originalMessageId,
        /* X-SMTPD4C-Message-ID of the returned message */
        String smtpd4cMessageId,
        /* rest, ses, sendgrid, postmark, mailgun */
        String source,
        Instant recordedAt) {}
