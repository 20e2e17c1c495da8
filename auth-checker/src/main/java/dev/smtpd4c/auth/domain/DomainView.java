package dev.smtpd4c.auth.domain;

import java.time.Instant;
import java.util.List;

/** A registered domain as the API shows it, with its latest check if any. */
public record DomainView(String domain, List<String> dkimSelectors, List<String> sendingIps, List<String> fromDomains,
        List<String> streams, Instant registeredAt, Instant updatedAt, Instant lastCheckedAt, String lastGrade) {}
