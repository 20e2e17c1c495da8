package dev.smtpd4c.auth.dmarc;

/** Identifier alignment mode (adkim=, aspf=). */
public enum Alignment {
    /** Same Organizational Domain is enough (the default). */
    RELAXED,
    /** The domains must be identical. */
    STRICT
}
