package dev.smtpd4c.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.dns.TestDnsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPF end to end: evaluator, dnsjava resolver and the real Knot server with dns/zones. */
class SpfKnotTest {

    private static SpfEvaluator spf;

    @BeforeAll
    static void server() {
        spf = new SpfEvaluator(new DnsjavaResolver(TestDnsServer.require()));
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
        "good.test,              192.0.2.130,  PASS,      ip4:192.0.2.128/28",
        "good.test,              192.0.2.30,   PASS,      include:_spf.good.test",
        "good.test,              2001:db8::30, PASS,      include:_spf.good.test",
        "good.test,              192.0.2.26,   PASS,      mx",
        "good.test,              198.51.100.1, FAIL,      -all",
        "news.good.test,         192.0.2.40,   PASS,      a",
        "split.good.test,        192.0.2.2,    PASS,      ip4:192.0.2.2",
        "nullmx.test,            192.0.2.25,   FAIL,      -all",
        "broken-spf.test,        192.0.2.25,   FAIL,      -all",
        "broken-spf.test,        ::ffff:192.0.2.25, FAIL, -all",
        "long.broken-spf.test,   198.51.100.5, PASS,      ip4:198.51.100.5",
        "ptr.broken-spf.test,    192.0.2.25,   FAIL,      -all",
        "qall.broken-spf.test,   198.51.100.1, NEUTRAL,   ?all",
        // PTR mx1.good.test, and mx1 has 192.0.2.25: forward-confirmed
        "ptrgood.broken-spf.test, 192.0.2.25,  PASS,      ptr:good.test",
        // PTR mail.good.test, but mail has 192.0.2.30: not confirmed
        "ptrgood.broken-spf.test, 192.0.2.67,  FAIL,      -all",
        // PTR nomatch.good.test, which has no address at all
        "ptrgood.broken-spf.test, 192.0.2.66,  FAIL,      -all",
        // no PTR record
        "ptrgood.broken-spf.test, 192.0.2.99,  FAIL,      -all",
        // PTR via an RFC 2317-style CNAME
        "ptrgood.broken-spf.test, 192.0.2.68,  FAIL,      -all",
        "ptrgood.broken-spf.test, 2001:db8::25, PASS,     ptr:good.test",
        "plusall.broken-spf.test,198.51.100.1, PASS,      +all",
    })
    void evaluates(String domain, String ip, AuthResult expected, String mechanism) {
        SpfResult r = spf.check(ip, "user@" + domain, "helo.example");
        assertThat(r.result()).as(r.problem()).isEqualTo(expected);
        assertThat(r.mechanism()).isEqualTo(mechanism);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "loop.broken-spf.test,     PERMERROR, more than 10 DNS-querying terms",
        "toomany.broken-spf.test,  PERMERROR, more than 10 DNS-querying terms",
        "void.broken-spf.test,     PERMERROR, more than 2 void DNS lookups",
        "several.broken-spf.test,  PERMERROR, publishes 2 SPF records",
        "syntax.broken-spf.test,   PERMERROR, invalid IPv4 address",
        "badinc.broken-spf.test,   PERMERROR, include target has no SPF record",
        "spf99.broken-spf.test,    NONE,      no SPF record",
        "nonexistent.good.test,    NONE,      no SPF record",
    })
    void brokenPublishing(String domain, AuthResult expected, String problem) {
        SpfResult r = spf.check("192.0.2.200", "user@" + domain, "helo.example");
        assertThat(r.result()).isEqualTo(expected);
        assertThat(r.problem()).contains(problem);
    }

    @Test
    void lookupCountIsReported() {
        SpfResult r = spf.check("192.0.2.26", "user@good.test", "helo.example");
        // include:_spf (1) + a:mail inside it (2) + mx (3)
        assertThat(r.dnsLookups()).isEqualTo(3);
    }

    @Test
    void unreachableServerIsTempError() {
        SpfEvaluator dead = new SpfEvaluator(new DnsjavaResolver(
                dev.smtpd4c.auth.dns.DnsServerConfig.of("127.0.0.1:9").withTimeout(java.time.Duration.ofMillis(300))));
        assertThat(dead.check("192.0.2.1", "a@good.test", "h").result()).isEqualTo(AuthResult.TEMPERROR);
    }
}
