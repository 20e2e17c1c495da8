package dev.smtpd4c.auth.drift;

import dev.smtpd4c.auth.Severity;

/**
 * One difference between two checks of a domain.
 *
 * @param kind what changed
 * @param code the finding code, or the record name for {@link Kind#RECORD_CHANGED}
 * @param subject what the finding is about (domain, key name, host, IP); the record name for record changes
 * @param severity the finding's severity; null for record changes
 * @param before the previous value (record changes only), empty when nothing was published
 * @param after the new value (record changes only), empty when nothing is published now
 * @param message for people
 */
public record DriftChange(Kind kind, String code, String subject, Severity severity, String before, String after,
        String message) {

    public enum Kind {
        FINDING_APPEARED,
        FINDING_CLEARED,
        RECORD_CHANGED,
        /** A sending IP lost its forward-confirmed reverse DNS (an fcrdns.* finding appeared). */
        FCRDNS_BROKEN,
        FCRDNS_RESTORED
    }
}
