package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dmarc.Alignment;
import dev.smtpd4c.auth.dmarc.DmarcDiscovery;
import dev.smtpd4c.auth.dmarc.DmarcRecord;
import dev.smtpd4c.auth.dmarc.DmarcTempException;
import dev.smtpd4c.auth.dmarc.OrganizationalDomains;
import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.RecordCheck;
import dev.smtpd4c.auth.report.Requirement.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Gmail and Yahoo bulk-sender requirements (February 2024) judged from the domain's checks.
 * Alignment assumes the registered domain is both the DKIM d= and the MAIL FROM domain, which is
 * what registering a sender domain means here.
 */
final class BulkSenderRequirements {

    private final DmarcDiscovery discovery;
    private final OrganizationalDomains organizationalDomains;

    BulkSenderRequirements(DmarcDiscovery discovery, OrganizationalDomains organizationalDomains) {
        this.discovery = discovery;
        this.organizationalDomains = organizationalDomains;
    }

    List<Requirement> judge(DomainSpec spec, Map<String, String> records, List<Finding> findings, boolean dkimUsable) {
        List<Requirement> out = new ArrayList<>();
        boolean spfErrors = findings.stream().anyMatch(f -> f.code().startsWith("spf.") && f.severity() == Severity.ERROR);
        boolean spf = !records.getOrDefault("spf", "").isEmpty() && !spfErrors;
        out.add(new Requirement("spf", "SPF record published and valid", spf ? Status.PASS : Status.FAIL,
                spf ? records.get("spf") : records.getOrDefault("spf", "").isEmpty() ? "no SPF record"
                        : "the SPF record has errors; see the spf.* findings"));
        out.add(new Requirement("dkim", "DKIM key published for a registered selector",
                dkimUsable ? Status.PASS : Status.FAIL, dkimUsable ? "at least one selector has a usable key"
                        : spec.dkimSelectors().isEmpty() ? "no DKIM selector registered"
                                : "no registered selector has a usable key; see the dkim.* findings"));
        boolean dmarc = !records.getOrDefault("dmarc", "").isEmpty();
        out.add(new Requirement("dmarc", "DMARC record published (p=none at least)", dmarc ? Status.PASS : Status.FAIL,
                dmarc ? records.get("dmarc") : "no DMARC record"));
        out.add(alignment(spec));
        out.add(fcrdns(spec, records));
        String sts = records.getOrDefault("mta-sts", "");
        boolean tls = sts.contains("; mode=enforce") || sts.contains("; mode=testing");
        out.add(new Requirement("tls", "TLS for mail transmission", tls ? Status.PASS : Status.FAIL, tls
                ? "MTA-STS policy published (" + (sts.contains("mode=enforce") ? "enforce" : "testing") + ")"
                : "no readable MTA-STS policy; TLS on each sending connection is not visible in DNS"));
        out.add(new Requirement("one-click-unsubscribe", "One-click unsubscribe (RFC 8058) in marketing mail",
                Status.CHECKED_PER_MESSAGE, "a header of each message (List-Unsubscribe-Post), not a DNS record"));
        return out;
    }

    private Requirement alignment(DomainSpec spec) {
        List<String> misaligned = new ArrayList<>();
        try {
            String org = organizationalDomains.of(spec.domain());
            for (String from : spec.effectiveFromDomains()) {
                if (from.equals(spec.domain())) {
                    continue;
                }
                DmarcRecord r = discovery.discover(from).record();
                boolean strict = r != null && r.dkimAlignment() == Alignment.STRICT && r.spfAlignment() == Alignment.STRICT;
                if (strict || !organizationalDomains.of(from).equals(org)) {
                    misaligned.add(from);
                }
            }
        } catch (DmarcTempException e) {
            return new Requirement("alignment", "From domain aligned with SPF and DKIM", Status.FAIL,
                    "could not be decided: " + e.getMessage());
        }
        return new Requirement("alignment", "From domain aligned with SPF and DKIM",
                misaligned.isEmpty() ? Status.PASS : Status.FAIL, misaligned.isEmpty()
                        ? "every From domain shares the organisational domain of " + spec.domain()
                        : "From domains " + misaligned + " do not align with " + spec.domain() + ": DMARC fails for them");
    }

    private static Requirement fcrdns(DomainSpec spec, Map<String, String> records) {
        if (spec.sendingIps().isEmpty()) {
            return new Requirement("fcrdns", "Sending IPs have forward-confirmed reverse DNS", Status.FAIL,
                    "no sending IPs registered; register them so they can be checked");
        }
        List<String> broken = spec.sendingIps().stream()
                .filter(ip -> records.getOrDefault("fcrdns " + ip, "").isEmpty()).toList();
        return new Requirement("fcrdns", "Sending IPs have forward-confirmed reverse DNS",
                broken.isEmpty() ? Status.PASS : Status.FAIL,
                broken.isEmpty() ? "all " + spec.sendingIps().size() + " confirmed" : "not confirmed: " + broken);
    }
}
