package dev.smtpd4c.auth.sender;

/**
 * What an upload did.
 *
 * @param recorded observations added to a registered domain's senders
 * @param ignored observations no registered domain claims (neither by stream nor by From domain)
 */
public record ObservationResult(int recorded, int ignored) {}
