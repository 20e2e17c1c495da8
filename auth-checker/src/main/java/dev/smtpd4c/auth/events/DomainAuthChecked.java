package dev.smtpd4c.auth.events;

import java.time.Instant;
import java.util.List;

/** Data of dev.smtpd4c.domain-auth.checked.v1: a registered domain was checked (on request or by the drift job). */
public record DomainAuthChecked(
        String domain,
        /* A to F */
        String grade,
        int errors,
        int warnings,
        /* "code subject" of every ERROR and WARNING finding */
        List<String> findings,
        /* ids of the bulk-sender requirements that fail */
        List<String> failedRequirements,
        /* "request" or "schedule" */
        String trigger,
        Instant checkedAt) {}
