package dev.smtpd4c.auth.dns;

import java.time.Duration;

/**
 * Where and how {@link DnsjavaResolver} asks.
 *
 * @param host resolver address (IP literal; a name would need DNS to find DNS)
 * @param port resolver port (53, or 15353 for the loopback test server)
 * @param timeout per query, after which the answer is TEMPFAIL
 * @param cacheEntries upper bound of the answer cache; 0 disables caching
 * @param trustAnchors DS or DNSKEY records in master-file format; when set, answers are validated
 *     locally (DNSSEC) and the AD flag means "validated here", otherwise AD is passed through from
 *     the upstream resolver
 */
public record DnsServerConfig(String host, int port, Duration timeout, int cacheEntries, String trustAnchors) {

    public static final int DEFAULT_PORT = 53;

    public DnsServerConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("DNS port out of range: " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("DNS timeout must be positive");
        }
    }

    /** Parses "host", "host:port", "[v6]:port"; timeout 2 s, 10 000 cache entries, no validation. */
    public static DnsServerConfig of(String address) {
        String host = address.trim();
        int port = DEFAULT_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in " + address);
            }
            if (close + 1 < host.length() && host.charAt(close + 1) == ':') {
                port = Integer.parseInt(host.substring(close + 2));
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            port = Integer.parseInt(host.substring(host.indexOf(':') + 1));
            host = host.substring(0, host.indexOf(':'));
        }
        return new DnsServerConfig(host, port, Duration.ofSeconds(2), 10_000, null);
    }

    public DnsServerConfig withTimeout(Duration t) {
        return new DnsServerConfig(host, port, t, cacheEntries, trustAnchors);
    }

    public DnsServerConfig withCacheEntries(int n) {
        return new DnsServerConfig(host, port, timeout, n, trustAnchors);
    }

    public DnsServerConfig withTrustAnchors(String anchors) {
        return new DnsServerConfig(host, port, timeout, cacheEntries, anchors);
    }
}
