package dev.smtpd4c.optin.address;

/** The DNS server the tests resolve against: SMTPD4C_DNS (property or environment), else the platform's Knot. */
final class DnsUnderTest {

    private DnsUnderTest() {}

    static String server() {
        String p = System.getProperty("SMTPD4C_DNS");
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv("SMTPD4C_DNS");
        return e != null && !e.isBlank() ? e : "127.0.0.1:15353";
    }

    /** Fails with what to do when the server does not serve the optin.test zone (a Knot started before the zone existed). */
    static MailDomainResolver resolver() {
        MailDomainResolver r = new MailDomainResolver(server(), java.time.Duration.ofSeconds(2));
        if (r.resolve("optin.test") != MailDomain.MX) {
            throw new AssertionError("the DNS server at " + server() + " does not serve dns/zones/optin.test.zone; start Knot "
                    + "from this checkout (scripts/platform/dns.sh start, or with DNS_PORT/DNS_ZONES) and set SMTPD4C_DNS=host:port");
        }
        return r;
    }
}
