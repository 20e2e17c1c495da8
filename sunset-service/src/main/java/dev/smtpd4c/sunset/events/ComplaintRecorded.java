package dev.smtpd4c.sunset.events;

import java.time.Instant;

/** Data of dev.smtpd4c.complaint.recorded.v1 (bounce-service): the recipient reported a message as unwanted. */
public record ComplaintRecorded(
        /* normalised address */
        String recipient,
        /* ARF Feedback-Type: abuse, fraud, opt-out, not-spam, virus, other */
        String feedbackType,
        String decodedBy,
        /* From domain of the complained-about message; empty when unknown */
        String sendingDomain,
        /* X-SMTPD4C-Stream; empty when unknown */
        String stream,
        String originalMessageId,
        String smtpd4cMessageId,
        String feedbackId,
        String source,
        Instant recordedAt) {}
