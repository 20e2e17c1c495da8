package dev.smtpd4c.auth.dns;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/**
 * The loopback Knot server that serves the repository's dns/zones. Tests that need it call
 * {@link #require()}, which fails (never skips) when it is not there: a skipped DNS test would let
 * a broken resolver pass unnoticed.
 */
public final class TestDnsServer {

    public static final String DEFAULT_ADDRESS = "127.0.0.1:15353";

    private TestDnsServer() {}

    /** Address from system property or environment variable SMTPD4C_DNS, else the default. */
    public static String address() {
        String fromProperty = System.getProperty("SMTPD4C_DNS");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("SMTPD4C_DNS");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_ADDRESS : fromEnv;
    }

    public static DnsServerConfig config() {
        return DnsServerConfig.of(address()).withTimeout(Duration.ofSeconds(2));
    }

    /** Fails the calling test unless the server answers for our test zones. */
    public static DnsServerConfig require() {
        DnsServerConfig config = config();
        DnsAnswer<DnsResolver.Mx> probe = new DnsjavaResolver(config.withCacheEntries(0)).mx("good.test");
        if (probe.status() != DnsAnswer.Status.OK) {
            fail("The test DNS server is not serving dns/zones at " + address() + " (good.test MX: "
                    + probe.status() + " " + probe.detail() + "). Run `scripts/platform/dns.sh start` "
                    + "(or ./smtpd4c platform start), and set SMTPD4C_DNS=host:port "
                    + "if it listens elsewhere.");
        }
        return config;
    }
}
