package dev.smtpd4c.auth.events;

import java.time.Instant;
import java.util.List;

/** Data of dev.smtpd4c.domain-auth.drifted.v1: a check differs from the previous one of the same domain. */
public record DomainAuthDrifted(
        String domain,
        Instant previousCheckedAt,
        Instant checkedAt,
        String previousGrade,
        String grade,
        List<Change> changes) {

    /**
     * @param kind FINDING_APPEARED, FINDING_CLEARED, RECORD_CHANGED, FCRDNS_BROKEN, FCRDNS_RESTORED
     * @param code finding code, or record name for RECORD_CHANGED
     * @param severity INFO, WARNING or ERROR; null for record changes
     * @param before previous record value (RECORD_CHANGED only, else empty)
     * @param after new record value (RECORD_CHANGED only, else empty)
     */
    public record Change(String kind, String code, String subject, String severity, String before, String after,
            String message) {}
}
