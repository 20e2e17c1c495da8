package dev.smtpd4c.optin.confirm;

/** What a POST /confirm did. */
public enum ConfirmOutcome {
    CONFIRMED,
    /** The token was used before, or the subscription is no longer waiting for confirmation; nothing changed. */
    ALREADY_USED,
    /** Forged, altered, for another purpose, or its subscription was erased. */
    INVALID,
    EXPIRED
}
