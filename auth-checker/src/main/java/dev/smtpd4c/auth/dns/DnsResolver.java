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

    /**
     * Records of the obsolete SPF RR type 99 (RFC 7208 section 3.1 removed it). Only the linter asks,
     * to warn publishers who still rely on it; evaluation never does.
     */
    default DnsAnswer<String> spfType(String name) {
        return DnsAnswer.of(DnsAnswer.Status.NODATA, "SPF RR type not queried by this resolver");
    }

    /**
     * The CNAME target of a name (no chain following), without the trailing dot; NODATA when the
     * name is not an alias. Only record checks ask (an MX host must not be an alias, RFC 2181 10.3).
     */
    default DnsAnswer<String> cname(String name) {
        return DnsAnswer.of(DnsAnswer.Status.NODATA, "CNAME not queried by this resolver");
    }

    /** An MX record; the root name (null MX) has the empty exchange "". */
    record Mx(int preference, String exchange) {

        /** RFC 7505: a single MX with exchange "." says the domain accepts no mail. */
        public boolean isNullMx() {
            return exchange.isEmpty() || exchange.equals(".");
        }
    }
}
