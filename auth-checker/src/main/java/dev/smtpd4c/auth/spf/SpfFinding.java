package dev.smtpd4c.auth.spf;

import dev.smtpd4c.auth.Severity;

/**
 * One lint finding about a domain's SPF publishing.
 *
 * @param severity how much it matters
 * @param code stable identifier for reports, alerts and drift detection
 * @param domain the domain whose record has the problem (may be an include target)
 * @param message what is wrong and what to do, for people
 * @param position 0-based offset in the record, -1 when the finding is not about one place
 */
public record SpfFinding(Severity severity, Code code, String domain, String message, int position) {

    public enum Code {
        NO_RECORD,
        SEVERAL_RECORDS,
        SYNTAX_ERROR,
        DEPRECATED_SPF_RR,
        TOO_MANY_LOOKUPS,
        LOOKUPS_NEAR_LIMIT,
        TOO_MANY_VOID_LOOKUPS,
        VOID_LOOKUP,
        LOOP,
        DUPLICATE_TERM,
        PTR_USED,
        RECORD_OVER_450_BYTES,
        RECORD_OVER_512_BYTES,
        PASS_ALL,
        NEUTRAL_ALL,
        NO_ALL,
        TERMS_AFTER_ALL,
        REDIRECT_WITH_ALL,
        INCLUDE_WITHOUT_RECORD,
        TOO_MANY_MX,
        MACRO_TARGET,
        DNS_FAILURE
    }
}
