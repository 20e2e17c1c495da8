package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.dkim.DkimKeyLookup;
import dev.smtpd4c.auth.dmarc.DmarcDiscovery;
import dev.smtpd4c.auth.dmarc.ReportDestinationVerifier;
import dev.smtpd4c.auth.dmarc.TreeWalkOrganizationalDomains;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.records.BimiCheck;
import dev.smtpd4c.auth.records.DnssecCheck;
import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.MtaStsCheck;
import dev.smtpd4c.auth.records.MtaStsPolicyFetcher;
import dev.smtpd4c.auth.records.MxCheck;
import dev.smtpd4c.auth.records.RecordCheck;
import dev.smtpd4c.auth.records.ReverseDnsCheck;
import dev.smtpd4c.auth.records.TlsRptCheck;
import dev.smtpd4c.auth.spf.SpfLinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every check for a sender domain and grades it. Pure: DNS and the MTA-STS fetch come in
 * through interfaces. Thread-safe when they are.
 */
public final class DomainChecker {

    private final DnsResolver dns;
    private final SpfLinter spf;
    private final DmarcDiscovery discovery;
    private final ReportDestinationVerifier destinations;
    private final DkimKeyLookup keys;
    private final MxCheck mx;
    private final ReverseDnsCheck reverse;
    private final MtaStsCheck mtaSts;
    private final TlsRptCheck tlsRpt;
    private final BimiCheck bimi;
    private final DnssecCheck dnssec;
    private final BulkSenderRequirements requirements;

    /** @param resolverValidates the resolver validates DNSSEC (locally or upstream), so AD means something */
    public DomainChecker(DnsResolver dns, MtaStsPolicyFetcher fetcher, boolean resolverValidates) {
        this.dns = dns;
        this.spf = new SpfLinter(dns);
        this.discovery = new DmarcDiscovery(dns);
        var organizational = new TreeWalkOrganizationalDomains(discovery);
        this.destinations = new ReportDestinationVerifier(dns, organizational);
        this.keys = new DkimKeyLookup(dns);
        this.mx = new MxCheck(dns);
        this.reverse = new ReverseDnsCheck(dns);
        this.mtaSts = new MtaStsCheck(dns, fetcher);
        this.tlsRpt = new TlsRptCheck(dns);
        this.bimi = new BimiCheck(dns);
        this.dnssec = new DnssecCheck(dns, resolverValidates);
        this.requirements = new BulkSenderRequirements(discovery, organizational);
    }

    public DomainReport check(DomainSpec spec, Instant now) {
        String domain = spec.domain();
        List<RecordCheck> checks = new ArrayList<>();
        checks.add(SpfSection.check(spf, domain));
        DmarcSection.Outcome dmarc = DmarcSection.check(discovery, destinations, domain);
        checks.add(dmarc.check());
        boolean dkimUsable = false;
        for (String selector : spec.dkimSelectors()) {
            DkimSection.Outcome key = DkimSection.check(dns, keys, domain, selector);
            checks.add(key.check());
            dkimUsable |= key.usable();
        }
        RecordCheck mxCheck = mx.check(domain);
        checks.add(mxCheck);
        for (String ip : spec.sendingIps()) {
            checks.add(reverse.check(ip));
        }
        checks.add(mtaSts.check(domain, MxCheck.hosts(mxCheck)));
        checks.add(tlsRpt.check(domain));
        checks.add(bimi.check(domain, dmarc.record()));
        checks.add(dnssec.check(domain));

        Map<String, String> records = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (RecordCheck c : checks) {
            records.put(c.name(), c.value());
            findings.addAll(c.findings());
        }
        if (spec.dkimSelectors().isEmpty()) {
            findings.add(new Finding("dkim.no-selectors", dev.smtpd4c.auth.Severity.WARNING, domain,
                    "no DKIM selector registered, so no key was checked; register the selectors you sign with"));
        }
        List<Requirement> reqs = requirements.judge(spec, records, findings, dkimUsable);
        return new DomainReport(domain, now, Grade.of(findings, reqs), findings, records, reqs);
    }
}
