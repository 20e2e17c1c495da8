package dev.smtpd4c.optin.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the real Knot DNS on loopback serving dns/zones (optin.test.zone). */
class MailDomainResolverTest {

    private static MailDomainResolver dns;

    @BeforeAll
    static void resolver() {
        dns = DnsUnderTest.resolver();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "optin.test, MX",
        "alias.optin.test, MX",              // CNAME to a name with MX
        "a-only.optin.test, ADDRESS",        // implicit MX: the A record
        "aaaa-only.optin.test, ADDRESS",     // implicit MX: the AAAA record
        "null-mx.optin.test, NULL_MX",       // RFC 7505
        "nullmx.test, NULL_MX",
        "no-host.optin.test, NO_MAIL_HOST",  // exists, neither MX nor address
        "missing.optin.test, NO_SUCH_DOMAIN",
        "nowhere.test, NO_SUCH_DOMAIN",
        "example.net, TEMPORARY_FAILURE"})   // Knot is not authoritative for it: REFUSED
    void classifiesTheDomain(String domain, MailDomain expected) {
        assertThat(dns.resolve(domain)).isEqualTo(expected);
        assertThat(dns.resolve(domain)).as("cached answer").isEqualTo(expected);
    }

    @Test
    void aServerThatDoesNotAnswerIsATemporaryFailure() {
        // a UDP port nobody listens on: ICMP unreachable or a timeout, either way no answer
        MailDomainResolver silent = new MailDomainResolver("127.0.0.1:9", Duration.ofMillis(300));
        assertThat(silent.resolve("optin.test")).isEqualTo(MailDomain.TEMPORARY_FAILURE);
    }

    @Test
    void serverAddressMustBeAnIpLiteral() {
        assertThat(MailDomainResolver.parse("127.0.0.1:15353").getPort()).isEqualTo(15353);
        assertThat(MailDomainResolver.parse("[::1]:5353").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(MailDomainResolver.parse("192.0.2.53").getPort()).isEqualTo(53);
        assertThatThrownBy(() -> MailDomainResolver.parse("dns.example:53")).isInstanceOf(IllegalArgumentException.class);
    }
}
