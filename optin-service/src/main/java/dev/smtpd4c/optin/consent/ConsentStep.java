package dev.smtpd4c.optin.consent;

/** The steps of a subscription the consent ledger records. */
public enum ConsentStep { REQUESTED, MAIL_SENT, CONFIRMED, UNSUBSCRIBED, EXPIRED }
