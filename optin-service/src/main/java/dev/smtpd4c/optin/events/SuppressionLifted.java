package dev.smtpd4c.optin.events;

import java.time.Instant;

/** Data of dev.smtpd4c.suppression.lifted.v1 (bounce-service): the address may be mailed again in the scope. */
public record SuppressionLifted(String address, String scope, String actor, String reason, Instant liftedAt) {}
