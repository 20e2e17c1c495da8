package dev.smtpd4c.optin.unsubscribe;

/** What a POST /unsubscribe did. Unsubscribing twice is not an error: mail clients retry. */
public enum UnsubscribeOutcome { UNSUBSCRIBED, ALREADY_UNSUBSCRIBED, INVALID, EXPIRED }
