package dev.smtpd4c.auth.dmarc;

/**
 * One rua/ruf address and whether reports may be sent there (RFC 9990 section 4).
 *
 * @param uri the mailto: URI as published
 * @param domain the destination domain
 * @param status the authorisation outcome
 */
public record ReportDestination(String uri, String domain, Status status) {

    public enum Status {
        /** Same organisational domain as the policy domain: no authorisation needed. */
        INTERNAL,
        /** An external destination that publishes the authorisation record. */
        AUTHORIZED,
        /** An external destination without authorisation: receivers must not send reports there. */
        UNAUTHORIZED,
        /** DNS failed; try again later. */
        UNKNOWN
    }
}
