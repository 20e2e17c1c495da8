package dev.smtpd4c.auth.message;

/**
 * Why bytes could not be read as an RFC 5322 message.
 *
 * @param line 1-based line number (after line-ending normalisation) where parsing stopped
 * @param reason what was wrong, for a finding a person can act on
 */
public record MessageParseError(int line, String reason) {}
