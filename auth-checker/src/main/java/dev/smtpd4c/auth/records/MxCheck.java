package dev.smtpd4c.auth.records;

import com.google.common.net.InetAddresses;
import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A domain's MX records: null MX (RFC 7505), duplicates, hosts that are aliases (RFC 2181 10.3)
 * or IP literals (RFC 5321 5.1 wants names) and hosts without A/AAAA. Looks at most
 * {@link #MAX_HOSTS} hosts so a huge RRset cannot make the check run long.
 */
public final class MxCheck {

    static final int MAX_HOSTS = 20;

    private final DnsResolver dns;

    public MxCheck(DnsResolver dns) {
        this.dns = dns;
    }

    public RecordCheck check(String domain) {
        List<Finding> out = new ArrayList<>();
        DnsAnswer<DnsResolver.Mx> answer = dns.mx(domain);
        switch (answer.status()) {
            case TEMPFAIL -> out.add(new Finding("mx.dns-failure", Severity.WARNING, domain,
                    "MX lookup failed: " + answer.detail() + "; check the zone's name servers"));
            case NXDOMAIN -> out.add(new Finding("mx.domain-does-not-exist", Severity.ERROR, domain,
                    domain + " does not exist in DNS: nobody can reply to or bounce mail from it"));
            case NODATA -> out.add(new Finding("mx.none", Severity.WARNING, domain,
                    "no MX record: mail for the domain falls back to its A record; publish an MX, "
                            + "or a null MX (MX 0 .) if it receives no mail"));
            case OK -> checkHosts(domain, answer.records(), out);
        }
        String value = answer.records().stream()
                .sorted(Comparator.comparingInt(DnsResolver.Mx::preference).thenComparing(DnsResolver.Mx::exchange))
                .map(m -> m.preference() + " " + (m.isNullMx() ? "." : m.exchange().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
        return new RecordCheck("mx", value, out);
    }

    /** The exchange names (no null MX, no IP literals), for MTA-STS policy matching. */
    public static List<String> hosts(RecordCheck mx) {
        if (mx.value().isEmpty()) {
            return List.of();
        }
        List<String> hosts = new ArrayList<>();
        for (String entry : mx.value().split(", ")) {
            String host = entry.substring(entry.indexOf(' ') + 1);
            if (!host.equals(".") && !InetAddresses.isInetAddress(host)) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private void checkHosts(String domain, List<DnsResolver.Mx> records, List<Finding> out) {
        boolean nullMx = records.stream().anyMatch(DnsResolver.Mx::isNullMx);
        if (nullMx) {
            if (records.size() > 1) {
                out.add(new Finding("mx.null-with-others", Severity.ERROR, domain, "a null MX (RFC 7505) must be "
                        + "the only MX record; with others, senders may still try the other hosts"));
            } else {
                out.add(new Finding("mx.null", Severity.INFO, domain,
                        "null MX: the domain accepts no mail, so replies and bounces to it fail at once"));
            }
        }
        Set<String> seen = new HashSet<>();
        int checked = 0;
        for (DnsResolver.Mx mx : records) {
            if (mx.isNullMx()) {
                continue;
            }
            String host = mx.exchange().toLowerCase(Locale.ROOT);
            if (!seen.add(host)) {
                out.add(new Finding("mx.duplicate", Severity.WARNING, host,
                        host + " is listed more than once; keep one MX record per host"));
                continue;
            }
            if (++checked > MAX_HOSTS) {
                continue;
            }
            checkHost(host, out);
        }
    }

    private void checkHost(String host, List<Finding> out) {
        if (InetAddresses.isInetAddress(host)) {
            out.add(new Finding("mx.ip-literal", Severity.ERROR, host, "MX names an IP address ("
                    + host + ") instead of a host name; senders look it up as a name and fail"));
            return;
        }
        DnsAnswer<String> alias = dns.cname(host);
        if (alias.status() == DnsAnswer.Status.OK) {
            out.add(new Finding("mx.cname", Severity.WARNING, host, host + " is an alias (CNAME to "
                    + alias.records().get(0) + "); RFC 2181 10.3 says MX must name the host itself"));
        }
        DnsAnswer<String> a = dns.a(host);
        DnsAnswer<String> aaaa = dns.aaaa(host);
        if (a.status() == DnsAnswer.Status.TEMPFAIL || aaaa.status() == DnsAnswer.Status.TEMPFAIL) {
            if (a.records().isEmpty() && aaaa.records().isEmpty()) {
                out.add(new Finding("mx.dns-failure", Severity.WARNING, host, "address lookup failed: "
                        + (a.status() == DnsAnswer.Status.TEMPFAIL ? a.detail() : aaaa.detail())));
            }
        } else if (a.records().isEmpty() && aaaa.records().isEmpty()) {
            out.add(new Finding("mx.no-address", Severity.ERROR, host,
                    "MX host " + host + " has no A or AAAA record: mail to it cannot be delivered"));
        }
    }
}
