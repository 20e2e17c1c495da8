package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * External report destination verification: a domain receiving reports for another organisation
 * must publish {@code <policy-domain>._report._dmarc.<destination>} with a v=DMARC1 record, so
 * nobody can point report floods at a third party.
 */
public final class ReportDestinationVerifier {

    private final DnsResolver dns;
    private final OrganizationalDomains organizationalDomains;

    public ReportDestinationVerifier(DnsResolver dns, OrganizationalDomains organizationalDomains) {
        this.dns = dns;
        this.organizationalDomains = organizationalDomains;
    }

    /** Checks every rua and ruf address of the record published at {@code policyDomain}. */
    public List<ReportDestination> verify(String policyDomain, DmarcRecord record) {
        List<ReportDestination> out = new ArrayList<>();
        List<String> uris = new ArrayList<>(record.rua());
        uris.addAll(record.ruf());
        for (String uri : uris) {
            String dest = DmarcRecordParser.uriDomain(uri);
            out.add(new ReportDestination(uri, dest, status(policyDomain, dest)));
        }
        return out;
    }

    private ReportDestination.Status status(String policyDomain, String dest) {
        try {
            if (organizationalDomains.of(dest).equals(organizationalDomains.of(policyDomain))) {
                return ReportDestination.Status.INTERNAL;
            }
        } catch (DmarcTempException e) {
            return ReportDestination.Status.UNKNOWN;
        }
        DnsAnswer<String> answer = dns.txt(policyDomain + "._report._dmarc." + dest);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            return ReportDestination.Status.UNKNOWN;
        }
        for (String txt : answer.records()) {
            if (DmarcRecord.isDmarc(txt)) {
                return ReportDestination.Status.AUTHORIZED;
            }
        }
        return ReportDestination.Status.UNAUTHORIZED;
    }
}
