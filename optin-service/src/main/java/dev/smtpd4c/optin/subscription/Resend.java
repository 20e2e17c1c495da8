package dev.smtpd4c.optin.subscription;

/** A request to send the confirmation mail again; {@code website} is the honeypot, as in {@link SignUp}. */
public record Resend(String address, String list, String website) {}
