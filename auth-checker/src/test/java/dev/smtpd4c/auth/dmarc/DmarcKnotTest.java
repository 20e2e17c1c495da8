package dev.smtpd4c.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.dns.DnsServerConfig;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.dns.TestDnsServer;
import dev.smtpd4c.auth.spf.SpfResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMARC discovery, alignment and policy against the loopback Knot server and dns/zones. */
class DmarcKnotTest {

    private static DnsjavaResolver dns;
    private static DmarcEvaluator dmarc;

    @BeforeAll
    static void server() {
        dns = new DnsjavaResolver(TestDnsServer.require());
        dmarc = new DmarcEvaluator(dns);
    }

    private static SpfResult spf(AuthResult r, String domain) {
        return new SpfResult(r, domain, null, null, 1, 0, "");
    }

    private static List<DkimSignatureResult> dkim(AuthResult r, String d) {
        return List.of(new DkimSignatureResult(d, r, "sel1"));
    }

    @Test
    void spfAlignedStrictlyPasses() {
        DmarcResult r = dmarc.evaluate("good.test", spf(AuthResult.PASS, "good.test"), List.of());
        assertThat(r.result()).isEqualTo(AuthResult.PASS);
        assertThat(r.spfAligned()).isTrue();
        assertThat(r.policyDomain()).isEqualTo("good.test");
    }

    @Test
    void strictSpfAlignmentRejectsSubdomainButRelaxedDkimAligns() {
        DmarcResult spfOnly = dmarc.evaluate("good.test", spf(AuthResult.PASS, "news.good.test"), List.of());
        assertThat(spfOnly.result()).isEqualTo(AuthResult.FAIL);
        assertThat(spfOnly.disposition()).isEqualTo(DmarcPolicy.REJECT);

        DmarcResult withDkim = dmarc.evaluate("news.good.test", spf(AuthResult.FAIL, "news.good.test"),
                dkim(AuthResult.PASS, "good.test"));
        assertThat(withDkim.result()).isEqualTo(AuthResult.PASS);
        assertThat(withDkim.dkimAlignedDomain()).isEqualTo("good.test");
        assertThat(withDkim.organizationalDomain()).isEqualTo("good.test");
    }

    @Test
    void failingDkimOrForeignDomainsDoNotAlign() {
        assertThat(dmarc.evaluate("good.test", null, dkim(AuthResult.FAIL, "good.test")).result())
                .isEqualTo(AuthResult.FAIL);
        assertThat(dmarc.evaluate("good.test", spf(AuthResult.PASS, "broken-spf.test"),
                dkim(AuthResult.PASS, "walk.test")).result()).isEqualTo(AuthResult.FAIL);
    }

    @ParameterizedTest(name = "From {0}: policy at {1}, org {2}, disposition {3}")
    @CsvSource({
        // subdomain that exists: sp=none
        "mail.org.walk.test,              org.walk.test,      org.walk.test,      NONE",
        // 11 labels: the walk jumps to 7 labels and still finds org.walk.test
        "a.b.c.d.e.f.g.mail.org.walk.test, org.walk.test,     org.walk.test,      NONE",
        // subdomain that does not exist: np=reject
        "ghost.org.walk.test,             org.walk.test,      org.walk.test,      REJECT",
        // the organisation itself: p=quarantine
        "org.walk.test,                   org.walk.test,      org.walk.test,      QUARANTINE",
        // psd=n makes dept its own organisation
        "x.dept.org.walk.test,            dept.org.walk.test, dept.org.walk.test, NONE",
        // an organisation without its own record falls under the PSD's policy (psd=y)
        "quiet.walk.test,                 walk.test,          quiet.walk.test,    REJECT",
        // two records at one name are discarded: the parent's record applies
        "two.broken-dmarc.test,           broken-dmarc.test,  broken-dmarc.test,  NONE",
        "good.test,                       good.test,          good.test,          REJECT",
        "news.good.test,                  good.test,          good.test,          QUARANTINE",
    })
    void treeWalkDiscovery(String from, String policyDomain, String org, DmarcPolicy disposition) {
        DmarcResult r = dmarc.evaluate(from, spf(AuthResult.FAIL, from), List.of());
        assertThat(r.result()).as(r.problem()).isEqualTo(AuthResult.FAIL);
        assertThat(r.policyDomain()).isEqualTo(policyDomain);
        assertThat(r.organizationalDomain()).isEqualTo(org);
        assertThat(r.disposition()).isEqualTo(disposition);
    }

    @Test
    void relaxedAlignmentFollowsTheTreeWalkOrganisation() {
        // dept.org.walk.test is its own organisation (psd=n), so org.walk.test does not align with it
        assertThat(dmarc.evaluate("x.dept.org.walk.test", null, dkim(AuthResult.PASS, "org.walk.test")).result())
                .isEqualTo(AuthResult.FAIL);
        assertThat(dmarc.evaluate("mail.org.walk.test", null, dkim(AuthResult.PASS, "org.walk.test")).result())
                .isEqualTo(AuthResult.PASS);
        // siblings under a PSD are different organisations
        assertThat(dmarc.evaluate("quiet.walk.test", null, dkim(AuthResult.PASS, "org.walk.test")).result())
                .isEqualTo(AuthResult.FAIL);
    }

    @Test
    void noRecordAnywhereIsNone() {
        DmarcResult r = dmarc.evaluate("broken-spf.test", spf(AuthResult.PASS, "broken-spf.test"), List.of());
        assertThat(r.result()).isEqualTo(AuthResult.NONE);
    }

    @Test
    void brokenRecordIsStillAppliedWithFindings() {
        DmarcResult r = dmarc.evaluate("broken-dmarc.test", spf(AuthResult.FAIL, "broken-dmarc.test"), List.of());
        assertThat(r.result()).isEqualTo(AuthResult.FAIL);
        assertThat(r.disposition()).isEqualTo(DmarcPolicy.NONE); // p=block is read as none
        assertThat(r.record().findings()).extracting(DmarcFinding::tag).contains("p", "adkim", "pct", "fo");
        DmarcResult nop = dmarc.evaluate("nop.broken-dmarc.test", null, List.of());
        assertThat(nop.record().findings()).extracting(DmarcFinding::tag).containsExactly("p");
    }

    @Test
    void testingModeWeakensThePolicy() {
        // t=y asks receivers to apply the policy one step weaker while the owner tests
        DmarcRecord t = DmarcRecordParser.parse("v=DMARC1; p=reject; t=y");
        assertThat(t.testing()).isTrue();
        assertThat(t.policy().testing()).isEqualTo(DmarcPolicy.QUARANTINE);
    }

    @Test
    void externalReportDestinationsNeedAuthorisation() {
        ReportDestinationVerifier verifier = new ReportDestinationVerifier(dns,
                new TreeWalkOrganizationalDomains(new DmarcDiscovery(dns)));
        DmarcResult good = dmarc.evaluate("good.test", null, List.of());
        assertThat(verifier.verify("good.test", good.record())).extracting(ReportDestination::status).containsExactly(
                ReportDestination.Status.INTERNAL, ReportDestination.Status.AUTHORIZED,
                ReportDestination.Status.INTERNAL);
        DmarcResult broken = dmarc.evaluate("broken-dmarc.test", null, List.of());
        assertThat(verifier.verify("broken-dmarc.test", broken.record())).extracting(ReportDestination::status)
                .containsExactly(ReportDestination.Status.UNAUTHORIZED);
    }

    @Test
    void dnsFailureIsTempError() {
        DmarcEvaluator dead = new DmarcEvaluator(new DnsjavaResolver(
                DnsServerConfig.of("127.0.0.1:9").withTimeout(Duration.ofMillis(300))));
        assertThat(dead.evaluate("good.test", null, List.of()).result()).isEqualTo(AuthResult.TEMPERROR);
    }

    @Test
    void unusableFromDomainIsPermError() {
        assertThat(dmarc.evaluate("localhost", null, List.of()).result()).isEqualTo(AuthResult.PERMERROR);
        assertThat(dmarc.evaluate("", null, List.of()).result()).isEqualTo(AuthResult.PERMERROR);
    }
}
