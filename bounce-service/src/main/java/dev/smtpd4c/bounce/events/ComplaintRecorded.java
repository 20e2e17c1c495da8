package dev.smtpd4c.bounce.events;

import java.time.Instant;

/** Data of dev.smtpd4c.complaint.recorded.v1: {@code recipient} reported a message as unwanted. */
public record ComplaintRecorded(
        /* normalised address */
        String recipient,
        /* ARF Feedback-Type: abuse, fraud, opt-out, ... */
        String feedbackType,
        String decodedBy,
        String sendingDomain,
        String stream,
        String originalMessageId,
        String smtpd4cMessageId,
        /* Feedback-ID of the returned message (Gmail feedback loop) */
        String feedbackId,
        String source,
        Instant recordedAt) {}
