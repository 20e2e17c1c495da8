package dev.smtpd4c.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dnsjava resolver against the real loopback Knot server and the zones in dns/zones. */
class DnsjavaResolverKnotTest {

    private static DnsServerConfig server;

    @BeforeAll
    static void serverIsUp() {
        server = TestDnsServer.require();
    }

    private static DnsjavaResolver fresh() {
        return new DnsjavaResolver(server);
    }

    @Test
    void txtRecordsComeBackJoinedAndAll() {
        DnsAnswer<String> txt = fresh().txt("good.test");
        assertThat(txt.status()).isEqualTo(DnsAnswer.Status.OK);
        assertThat(txt.records()).containsExactlyInAnyOrder(
                "v=spf1 ip4:192.0.2.128/28 include:_spf.good.test mx -all",
                "google-site-verification=not-an-spf-record");
        assertThat(fresh().txt("split.good.test").records())
                .containsExactly("v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 -all");
    }

    @Test
    void nxdomainAndNodataAreDistinguished() {
        DnsjavaResolver dns = fresh();
        assertThat(dns.a("does-not-exist.good.test").status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
        assertThat(dns.aaaa("v4only.good.test").status()).isEqualTo(DnsAnswer.Status.NODATA);
        assertThat(dns.aaaa("v4only.good.test").isVoid()).isTrue();
    }

    @Test
    void addressesMxAndPtr() {
        DnsjavaResolver dns = fresh();
        assertThat(dns.a("mx1.good.test").records()).containsExactly("192.0.2.25");
        assertThat(dns.aaaa("mx1.good.test").records()).containsExactly("2001:db8:0:0:0:0:0:25");
        assertThat(dns.mx("good.test").records()).containsExactlyInAnyOrder(
                new DnsResolver.Mx(10, "mx1.good.test"), new DnsResolver.Mx(20, "mx2.good.test"));
        assertThat(dns.mx("nullmx.test").records()).containsExactly(new DnsResolver.Mx(0, ""));
        assertThat(dns.ptr("192.0.2.25").records()).containsExactly("mx1.good.test");
        assertThat(dns.ptr("2001:db8::25").records()).containsExactly("mx1.good.test");
        assertThat(dns.ptr("192.0.2.99").status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
        assertThat(dns.ptr("not an ip").status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
    }

    @Test
    void cnamesAreFollowed() {
        DnsjavaResolver dns = fresh();
        assertThat(dns.a("alias.good.test").records()).containsExactly("192.0.2.30");
        // RFC 2317-style alias inside the reverse zone
        assertThat(dns.ptr("192.0.2.68").records()).containsExactly("mx1.good.test");
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcp() {
        DnsAnswer<String> big = fresh().txt("big.good.test");
        assertThat(big.status()).isEqualTo(DnsAnswer.Status.OK);
        assertThat(big.records()).hasSize(6).allSatisfy(r -> assertThat(r).hasSize(250));
    }

    @Test
    void obsoleteSpfTypeIsVisibleToTheLinter() {
        assertThat(fresh().spfType("spf99.broken-spf.test").records()).containsExactly("v=spf1 -all");
        assertThat(fresh().txt("spf99.broken-spf.test").status()).isEqualTo(DnsAnswer.Status.NODATA);
    }

    @Test
    void answersAreCachedForTheirTtlAndFailuresAreNot() {
        AtomicLong now = new AtomicLong();
        DnsjavaResolver dns = new DnsjavaResolver(server, now::get);
        dns.a("mx1.good.test");
        dns.a("nope.good.test");
        assertThat(dns.cacheSize()).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(61).toNanos()); // negative TTL: SOA minimum 60 s
        assertThat(dns.a("nope.good.test").status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
        now.addAndGet(Duration.ofSeconds(240).toNanos()); // positive TTL 300 s has now passed too
        dns.a("mx1.good.test");
        assertThat(dns.cacheSize()).isEqualTo(2);

        DnsjavaResolver dead = new DnsjavaResolver(
                DnsServerConfig.of("127.0.0.1:9").withTimeout(Duration.ofMillis(300)), now::get);
        assertThat(dead.a("good.test").status()).isEqualTo(DnsAnswer.Status.TEMPFAIL);
        assertThat(dead.cacheSize()).isZero();
    }

    @Test
    void cacheIsBounded() {
        DnsjavaResolver dns = new DnsjavaResolver(server.withCacheEntries(3));
        for (String n : List.of("mx1", "mx2", "mail", "news", "v4only")) {
            dns.a(n + ".good.test");
        }
        assertThat(dns.cacheSize()).isEqualTo(3);
    }

    @Test
    void invalidNamesAreNonExistentNotErrors() {
        String longLabel = "a".repeat(64) + ".good.test";
        assertThat(fresh().txt(longLabel).status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
        assertThat(fresh().txt("a..good.test").status()).isEqualTo(DnsAnswer.Status.NXDOMAIN);
    }
}
