package dev.smtpd4c.bounce.events;

import java.time.Instant;

/** Data of dev.smtpd4c.suppression.added.v1: do not mail {@code address} in {@code scope} any more. */
public record SuppressionAdded(
        /* normalised address */
        String address,
        /* global, or stream:<name> */
        String scope,
        /* hard-bounce, soft-bounce, complaint, manual */
        String reason,
        /* bounce reason, feedback type, or the operator's words */
        String detail,
        /* rest, ses, sendgrid, postmark, mailgun, api */
        String source,
        String actor,
        Instant suppressedAt) {}
