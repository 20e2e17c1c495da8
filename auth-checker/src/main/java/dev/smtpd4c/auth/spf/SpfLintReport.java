package dev.smtpd4c.auth.spf;

import dev.smtpd4c.auth.Severity;
import java.util.List;

/**
 * Everything the linter found for one domain.
 *
 * @param domain the linted domain
 * @param record its SPF record text, null when there is none
 * @param lookups the include/redirect tree with lookup counts (null without a record)
 * @param voidLookups names referenced by a, mx and include that do not exist or have no data
 * @param findings all findings, most severe first
 */
public record SpfLintReport(String domain, String record, SpfLookupNode lookups, int voidLookups,
        List<SpfFinding> findings) {

    public SpfLintReport {
        findings = findings.stream()
                .sorted(java.util.Comparator.comparing((SpfFinding f) -> f.severity()).reversed())
                .toList();
    }

    public boolean has(SpfFinding.Code code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
