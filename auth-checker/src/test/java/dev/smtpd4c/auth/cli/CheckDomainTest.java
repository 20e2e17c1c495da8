package dev.smtpd4c.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.auth.dns.TestDnsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The check-domain command against the Knot test server, as ./smtpd4c runs it. */
class CheckDomainTest {

    @Test
    void printsTheReportForPeopleAndAsJson() throws Exception {
        String dns = TestDnsServer.require().host() + ":" + TestDnsServer.config().port();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = CheckDomain.run(new String[] {"sloppy.test", "--dns", dns, "--no-fetch", "--selector", "old"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sloppy.test: grade F", "spf.pass-all",
                "dkim.key-revoked", "Gmail/Yahoo bulk-sender requirements");

        out.reset();
        rc = CheckDomain.run(new String[] {"--json", "shop.test", "--dns", dns, "--no-fetch"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(rc).isZero();
        var json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("domain").asText()).isEqualTo("shop.test");
        assertThat(json.path("records").path("spf").asText()).isEqualTo("v=spf1 ip4:198.51.100.10 -all");
    }

    @Test
    void badUsageExitsWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(CheckDomain.run(new String[] {}, System.out, e)).isEqualTo(2);
        assertThat(CheckDomain.run(new String[] {"a.test", "--dns"}, System.out, e)).isEqualTo(2);
        assertThat(CheckDomain.run(new String[] {"a.test", "--dns", "not an ip"}, System.out, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: smtpd4c check-domain");
    }
}
