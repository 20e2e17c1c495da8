package dev.smtpd4c.auth.dns;

import java.util.List;

/**
 * The DNS questions the authentication checks ask. Every protocol evaluator (SPF, DKIM, DMARC,
 * ARC, BIMI, MTA-STS, ...) depends on this interface only, so the pure evaluators are tested with
 * conformance data and the dnsjava implementation is tested against a real DNS server.
 *
 * <p>Names are given without the trailing dot, case-insensitive. Implementations never throw for
 * DNS outcomes: NXDOMAIN, NODATA and failures come back as a {@link DnsAnswer} status, so the
 * mapping to TEMPERROR/PERMERROR happens in one place per protocol.
 */
public interface DnsResolver {

    /** TXT records, each record's strings already joined (RFC 7208 section 3.3). */
    DnsAnswer<String> txt(String name);

    /** IPv4 addresses, dotted quad. */
    DnsAnswer<String> a(String name);

    /** IPv6 addresses, in the form {@link java.net.InetAddress#getHostAddress()} gives. */
    DnsAnswer<String> aaaa(String name);

    /** MX records, as "preference exchange" pairs, exchange without the trailing dot. */
    DnsAnswer<Mx> mx(String name);

    /** PTR names for the reverse name of an address, without the trailing dot. */
    DnsAnswer<String> ptr(String ipAddress);

    record Mx(int preference, String exchange) {}
}
