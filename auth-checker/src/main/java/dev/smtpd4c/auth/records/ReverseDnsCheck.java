package dev.smtpd4c.auth.records;

import com.google.common.net.InetAddresses;
import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward-confirmed reverse DNS of a sending IP: a PTR name whose A/AAAA records include the IP
 * again. Gmail and Yahoo require it of bulk senders. At most {@link #MAX_NAMES} PTR names are
 * tried, as SPF's ptr does (RFC 7208 5.5).
 */
public final class ReverseDnsCheck {

    static final int MAX_NAMES = 10;

    private final DnsResolver dns;

    public ReverseDnsCheck(DnsResolver dns) {
        this.dns = dns;
    }

    /** Value: the confirmed host name, empty when none confirms. */
    public RecordCheck check(String ip) {
        String name = "fcrdns " + ip;
        InetAddress address;
        try {
            address = InetAddresses.forString(ip);
        } catch (IllegalArgumentException e) {
            return new RecordCheck(name, "", List.of(new Finding("fcrdns.invalid-ip", Severity.ERROR, ip,
                    "'" + ip + "' is not an IP address")));
        }
        DnsAnswer<String> ptr = dns.ptr(ip);
        if (ptr.status() == DnsAnswer.Status.TEMPFAIL) {
            return new RecordCheck(name, "", List.of(new Finding("fcrdns.dns-failure", Severity.WARNING, ip,
                    "PTR lookup failed: " + ptr.detail())));
        }
        if (ptr.records().isEmpty()) {
            return new RecordCheck(name, "", List.of(new Finding("fcrdns.no-ptr", Severity.ERROR, ip, ip
                    + " has no PTR record; ask whoever runs the address block to publish one naming the host")));
        }
        List<String> tried = new ArrayList<>();
        for (String host : ptr.records().subList(0, Math.min(MAX_NAMES, ptr.records().size()))) {
            tried.add(host);
            DnsAnswer<String> forward = address instanceof Inet4Address ? dns.a(host) : dns.aaaa(host);
            for (String a : forward.records()) {
                if (InetAddresses.forString(a).equals(address)) {
                    return new RecordCheck(name, host, List.of());
                }
            }
        }
        return new RecordCheck(name, "", List.of(new Finding("fcrdns.not-confirmed", Severity.ERROR, ip, ip
                + " has PTR " + String.join(", ", tried) + " but no such name has an address record pointing back to "
                + ip + "; add one, or fix the PTR")));
    }
}
