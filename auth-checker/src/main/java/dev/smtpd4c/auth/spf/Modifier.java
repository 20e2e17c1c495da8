package dev.smtpd4c.auth.spf;

/**
 * A modifier {@code name=value}. Only {@code redirect} and {@code exp} have meaning; others are
 * kept for the linter and otherwise ignored (RFC 7208 section 6).
 *
 * @param name lower-cased modifier name
 * @param value the unexpanded macro-string
 * @param position 0-based character offset in the record
 */
public record Modifier(String name, String value, int position) {}
