package dev.smtpd4c.sunset.recipient;

import dev.smtpd4c.sunset.policy.Status;

/** A status change of one recipient in one stream, as stored and announced. */
public record StatusChange(String recipient, String stream, Status fromStatus, Status toStatus, String reason) {}
