package dev.smtpd4c.auth.message;

/**
 * The closed set of results every authentication check reports, named as in RFC 8601
 * Authentication-Results. Not every protocol uses every value: DKIM and ARC never report
 * SOFTFAIL; NEUTRAL is SPF's "?" and DKIM's "signature present but not evaluated".
 */
public enum AuthResult {
    PASS,
    FAIL,
    SOFTFAIL,
    NEUTRAL,
    NONE,
    TEMPERROR,
    PERMERROR;

    /** The lower-case token used in Authentication-Results and ARC cv= style output. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
