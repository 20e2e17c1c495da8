package dev.smtpd4c.optin.mail;

/** A mail's words as its templates rendered them, before MIME: one subject, a text and an HTML alternative. */
public record RenderedMail(String locale, String subject, String text, String html) {}
