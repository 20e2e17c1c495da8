package dev.smtpd4c.sunset.recipient;

import java.time.Instant;

/** A manual status change by an operator; {@code pinnedUntil} keeps the evaluation away until then (null: for good). */
public record OverrideRequest(String stream, String status, String reason, String actor, Instant pinnedUntil) {}
