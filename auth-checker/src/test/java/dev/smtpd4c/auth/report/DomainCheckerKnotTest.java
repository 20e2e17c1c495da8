package dev.smtpd4c.auth.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.dns.TestDnsServer;
import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.StubMtaStsFetcher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole domain report against the Knot test server: shop.test is clean, sloppy.test is not. */
class DomainCheckerKnotTest {

    private static DomainChecker checker;

    @BeforeAll
    static void checker() {
        checker = new DomainChecker(new DnsjavaResolver(TestDnsServer.require()), new StubMtaStsFetcher(), false);
    }

    @Test
    void aCleanDomainGetsAAndMeetsTheBulkSenderRequirements() {
        DomainReport r = checker.check(new DomainSpec("shop.test", List.of("mail"), List.of("198.51.100.10"),
                List.of("shop.test", "news.shop.test")), Instant.EPOCH);
        assertThat(r.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
        assertThat(r.grade()).isEqualTo(Grade.A);
        assertThat(r.requirements()).filteredOn(q -> q.status() == Requirement.Status.FAIL).isEmpty();
        assertThat(r.requirements()).filteredOn(q -> q.id().equals("one-click-unsubscribe"))
                .extracting(Requirement::status).containsExactly(Requirement.Status.CHECKED_PER_MESSAGE);
        assertThat(r.records()).containsEntry("fcrdns 198.51.100.10", "out.shop.test")
                .containsEntry("mx", "10 mx.shop.test").containsEntry("spf", "v=spf1 ip4:198.51.100.10 -all")
                .containsEntry("dnssec", "unknown (resolver does not validate)");
        assertThat(r.records().get("mta-sts")).contains("mode=enforce");
        assertThat(r.records().get("dkim mail")).startsWith("v=DKIM1; k=ed25519");
        assertThat(codes(r)).contains("bimi.no-evidence", "dnssec.not-checked");
    }

    @Test
    void aSloppyDomainGetsFWithOneFindingPerMistake() {
        DomainReport r = checker.check(new DomainSpec("sloppy.test", List.of("small", "old", "beta", "missing"),
                List.of("198.51.100.20", "198.51.100.21"), List.of("other.test")), Instant.EPOCH);
        assertThat(r.grade()).isEqualTo(Grade.F);
        assertThat(codes(r)).contains("spf.pass-all", "dmarc.policy-none", "dmarc.no-rua", "mx.cname", "mx.duplicate",
                "mx.ip-literal", "mx.no-address", "dkim.key-under-2048", "dkim.key-revoked", "dkim.key-testing",
                "dkim.no-key", "fcrdns.not-confirmed", "fcrdns.no-ptr", "mta-sts.invalid-id", "tls-rpt.no-rua",
                "bimi.logo-not-https", "bimi.logo-not-svg", "bimi.dmarc-not-enforced");
        assertThat(r.requirements()).filteredOn(q -> q.status() == Requirement.Status.FAIL)
                .extracting(Requirement::id).containsExactlyInAnyOrder("spf", "alignment", "fcrdns", "tls");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aDomainWithoutRecordsFailsTheBasics() {
        DomainReport r = checker.check(new DomainSpec("nothing-here.test", List.of(), List.of(), List.of()),
                Instant.EPOCH);
        assertThat(r.grade()).isEqualTo(Grade.F);
        assertThat(codes(r)).contains("spf.no-record", "dmarc.no-record", "mx.domain-does-not-exist", "dkim.no-selectors");
        assertThat(r.requirements()).filteredOn(q -> q.status() == Requirement.Status.FAIL)
                .extracting(Requirement::id).contains("spf", "dkim", "dmarc", "fcrdns");
    }

    private static List<String> codes(DomainReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }
}
