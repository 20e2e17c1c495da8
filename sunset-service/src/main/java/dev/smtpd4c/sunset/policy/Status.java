package dev.smtpd4c.sunset.policy;

/** Where a recipient stands in one stream; ordered from fully mailable to not mailable at all. */
public enum Status {
    /** Engaged recently enough, or not yet judged. */
    ACTIVE,
    /** Long without strong engagement: mail less often. */
    REDUCED,
    /** Longer still: optin-service asks the recipient to re-confirm; no marketing meanwhile. */
    RECONFIRM,
    /** No marketing mail until the recipient engages again. */
    SUNSET,
    /** Repeated hard bounces or complaints: no mail of any stream until an operator lifts it. */
    SUSPENDED
}
