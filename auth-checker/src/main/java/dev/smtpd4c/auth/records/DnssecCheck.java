package dev.smtpd4c.auth.records;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.List;

/**
 * Whether the domain's answers are DNSSEC-validated: the AD flag on its TXT answer. That flag only
 * means something when the resolver validates (locally with a trust anchor, or an upstream
 * validating resolver); without one, an unsigned answer says nothing, and the check says so.
 */
public final class DnssecCheck {

    public static final String VALIDATED = "validated";
    public static final String NOT_VALIDATED = "not validated";
    public static final String UNKNOWN = "unknown (resolver does not validate)";

    private final DnsResolver dns;
    private final boolean resolverValidates;

    public DnssecCheck(DnsResolver dns, boolean resolverValidates) {
        this.dns = dns;
        this.resolverValidates = resolverValidates;
    }

    public RecordCheck check(String domain) {
        DnsAnswer<String> answer = dns.txt(domain);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            Severity s = resolverValidates ? Severity.ERROR : Severity.WARNING;
            return new RecordCheck("dnssec", "", List.of(new Finding("dnssec.failure", s, domain,
                    "lookup failed" + (resolverValidates ? " (a validating resolver also fails this way on bogus "
                            + "signatures)" : "") + ": " + answer.detail())));
        }
        if (answer.authenticated()) {
            return new RecordCheck("dnssec", VALIDATED, List.of());
        }
        if (resolverValidates) {
            return new RecordCheck("dnssec", NOT_VALIDATED, List.of(new Finding("dnssec.unsigned", Severity.INFO,
                    domain, "answers are not DNSSEC-signed: DANE and signed-record protections are unavailable")));
        }
        return new RecordCheck("dnssec", UNKNOWN, List.of(new Finding("dnssec.not-checked", Severity.INFO, domain,
                "the resolver does not validate DNSSEC, so signing status is unknown; configure a trust anchor")));
    }
}
