package dev.smtpd4c.optin.token;

/** What a token may be used for; part of the signed payload, so a confirm link cannot unsubscribe and the reverse. */
public enum TokenPurpose { CONFIRM, UNSUBSCRIBE }
