package dev.smtpd4c.auth.dmarcreport;

import java.time.Instant;
import java.util.List;

/**
 * The parts of a DMARC aggregate report (RFC 9990, RFC 7489 appendix C) that say who sent mail
 * for a domain: the reporter, the period, the policy domain and one row per source IP and From domain.
 */
public record AggregateReport(String orgName, String reportId, String policyDomain, Instant begin, Instant end,
        List<Row> rows) {

    public AggregateReport {
        rows = List.copyOf(rows);
    }

    /** {@code count} messages from {@code sourceIp} with RFC5322.From domain {@code headerFrom}. */
    public record Row(String sourceIp, long count, String headerFrom) {}
}
