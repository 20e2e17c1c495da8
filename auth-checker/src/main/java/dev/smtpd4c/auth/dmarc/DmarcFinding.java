package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.Severity;

/**
 * Something wrong or noteworthy in a DMARC record.
 *
 * @param severity how much it matters
 * @param tag the tag concerned ("v", "p", ...) or "record"
 * @param message what is wrong and what the receiver does about it
 */
public record DmarcFinding(Severity severity, String tag, String message) {}
