package dev.smtpd4c.bounce.events;

import java.time.Instant;

/** Data of dev.smtpd4c.suppression.lifted.v1: {@code address} may be mailed again in {@code scope}. */
public record SuppressionLifted(
        String address,
        String scope,
        String actor,
        /* the operator's words */
        String reason,
        Instant liftedAt) {}
