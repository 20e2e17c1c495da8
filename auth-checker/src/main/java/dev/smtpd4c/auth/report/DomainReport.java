package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.records.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything known about a sender domain's authentication at one moment. Stored as a snapshot
 * and compared with the next one for drift, so it holds values, not behaviour.
 *
 * @param domain the sender domain
 * @param checkedAt when the checks ran
 * @param grade A to F
 * @param findings every finding, most severe first
 * @param records what is published, by stable name ("spf", "dmarc", "dkim mail", "mx", "mta-sts",
 *     "tls-rpt", "bimi", "dnssec", "fcrdns 198.51.100.10"); empty string when nothing is
 * @param requirements the Gmail/Yahoo bulk-sender requirements
 */
public record DomainReport(String domain, Instant checkedAt, Grade grade, List<Finding> findings,
        Map<String, String> records, List<Requirement> requirements) {

    public DomainReport {
        findings = findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::code))
                .toList();
        records = java.util.Collections.unmodifiableMap(new TreeMap<>(records));
        requirements = List.copyOf(requirements);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
