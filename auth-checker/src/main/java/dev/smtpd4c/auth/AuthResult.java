package dev.smtpd4c.auth;

/**
 * The closed set of results shared by SPF, DKIM, DMARC and ARC (RFC 8601 vocabulary). Every
 * evaluator answers with one of these, never with an exception, so callers can switch exhaustively.
 */
public enum AuthResult {
    PASS,
    FAIL,
    SOFTFAIL,
    NEUTRAL,
    NONE,
    /** A transient DNS problem: the same check may succeed later. */
    TEMPERROR,
    /** The published records are broken: retrying will not help until the owner fixes them. */
    PERMERROR;

    /** The lower-case word used in Authentication-Results and Received-SPF headers. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
