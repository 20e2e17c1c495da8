package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.spf.SpfResult;
import java.util.List;

/**
 * DMARC per RFC 9989: discovers the policy by tree walk, aligns the From domain with the SPF and
 * DKIM results it is given, and says what the owner asks for. It never verifies SPF or DKIM itself.
 */
public final class DmarcEvaluator {

    private final DnsResolver dns;
    private final DmarcDiscovery discovery;
    private final OrganizationalDomains organizationalDomains;

    /** RFC 9989 mode: organisational domains from the DNS tree walk. */
    public DmarcEvaluator(DnsResolver dns) {
        this(dns, new TreeWalkOrganizationalDomains(new DmarcDiscovery(dns)));
    }

    /** With another notion of organisational domain, e.g. the PSL for RFC 7489 comparisons. */
    public DmarcEvaluator(DnsResolver dns, OrganizationalDomains organizationalDomains) {
        this.dns = dns;
        this.discovery = new DmarcDiscovery(dns);
        this.organizationalDomains = organizationalDomains;
    }

    /**
     * @param fromDomain the RFC5322.From domain
     * @param spf the SPF result (its domain is the MAIL FROM, or HELO for bounces); may be null
     * @param dkim every DKIM signature's result, possibly none
     */
    public DmarcResult evaluate(String fromDomain, SpfResult spf, List<DkimSignatureResult> dkim) {
        String from = PublicSuffixOrganizationalDomains.normalise(fromDomain == null ? "" : fromDomain);
        if (from == null || from.isEmpty() || from.indexOf('.') < 0) {
            return new DmarcResult(AuthResult.PERMERROR, DmarcPolicy.NONE, fromDomain, null, null, false, null, null,
                    "From domain '" + fromDomain + "' is not a usable domain name");
        }
        try {
            DmarcDiscovery.Policy policy = discovery.discover(from);
            if (policy.record() == null) {
                return new DmarcResult(AuthResult.NONE, DmarcPolicy.NONE, from, null, null, false, null, null,
                        "no DMARC record for " + from + " or its parents");
            }
            DmarcRecord record = policy.record();
            String fromOrg = organizationalDomains.of(from);
            boolean spfAligned = spf != null && spf.result() == AuthResult.PASS
                    && aligned(spf.domain(), from, fromOrg, record.spfAlignment());
            String dkimDomain = null;
            for (DkimSignatureResult sig : dkim) {
                if (sig.result() == AuthResult.PASS && aligned(sig.domain(), from, fromOrg, record.dkimAlignment())) {
                    dkimDomain = PublicSuffixOrganizationalDomains.normalise(sig.domain());
                    break;
                }
            }
            if (spfAligned || dkimDomain != null) {
                return new DmarcResult(AuthResult.PASS, DmarcPolicy.NONE, from, policy.domain(), fromOrg, spfAligned,
                        dkimDomain, record, "");
            }
            DmarcPolicy requested = requestedPolicy(record, from, policy.domain());
            return new DmarcResult(AuthResult.FAIL, record.testing() ? requested.testing() : requested, from,
                    policy.domain(), fromOrg, false, null, record, "");
        } catch (DmarcTempException e) {
            return new DmarcResult(AuthResult.TEMPERROR, DmarcPolicy.NONE, from, null, null, false, null, null,
                    e.getMessage());
        }
    }

    private boolean aligned(String domain, String from, String fromOrg, Alignment mode) throws DmarcTempException {
        if (domain == null) {
            return false;
        }
        String d = PublicSuffixOrganizationalDomains.normalise(domain);
        if (d == null) {
            return false;
        }
        if (d.equals(from)) {
            return true;
        }
        return mode == Alignment.RELAXED && organizationalDomains.of(d).equals(fromOrg);
    }

    /** p for the domain itself; np for non-existent subdomains, else sp, else p (section 5.3.x). */
    private DmarcPolicy requestedPolicy(DmarcRecord record, String from, String policyDomain) {
        if (from.equals(policyDomain)) {
            return record.policy();
        }
        if (record.nonExistentPolicy() != null && isNonExistent(from)) {
            return record.nonExistentPolicy();
        }
        return record.subdomainPolicy() != null ? record.subdomainPolicy() : record.policy();
    }

    /**
     * RFC 9989 non-existent domain: no A, AAAA or MX. A DNS failure counts as existing, so a
     * flaky resolver never escalates to the stricter np= policy.
     */
    private boolean isNonExistent(String domain) {
        return dns.a(domain).isVoid() && dns.aaaa(domain).isVoid() && dns.mx(domain).isVoid();
    }
}
