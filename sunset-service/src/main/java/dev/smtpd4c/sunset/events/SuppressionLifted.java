package dev.smtpd4c.sunset.events;

import java.time.Instant;

/** Data of dev.smtpd4c.suppression.lifted.v1 (bounce-service): the address may be mailed again in the scope. */
public record SuppressionLifted(
        /* normalised address */
        String address,
        /* global, or stream:<name> */
        String scope,
        String actor,
        String reason,
        Instant liftedAt) {}
