package dev.smtpd4c.auth;

/** How much a record finding matters to a sender; shared by the SPF and DMARC linters and reports. */
public enum Severity {
    /** Worth knowing, nothing to fix. */
    INFO,
    /** Works today but risks failures (limits close, deprecated syntax, weak policy). */
    WARNING,
    /** Receivers will fail or ignore the record. */
    ERROR
}
