package dev.smtpd4c.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile published records against the evaluator: bounded work, a result, never an exception. */
class SpfEvaluatorHostileTest {

    /** Serves fixed TXT records; every other question is NXDOMAIN. */
    private record Fixed(Map<String, String> txt) implements DnsResolver {
        @Override
        public DnsAnswer<String> txt(String name) {
            String t = txt.get(name);
            return t == null ? DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "") : DnsAnswer.ok(List.of(t));
        }

        @Override
        public DnsAnswer<String> a(String name) {
            return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
        }

        @Override
        public DnsAnswer<String> aaaa(String name) {
            return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
        }

        @Override
        public DnsAnswer<Mx> mx(String name) {
            return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
        }

        @Override
        public DnsAnswer<String> ptr(String ip) {
            return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
        }
    }

    @Test
    void hugeMacroExpansionIsCutInLinearTime() {
        String spec = "%{ir}.".repeat(20_000) + "example.com";
        Fixed dns = new Fixed(Map.of("hostile.example", "v=spf1 exists:" + spec + " -all"));
        SpfResult r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new SpfEvaluator(dns).check("2001:db8::1", "x@hostile.example", "h.example"));
        assertThat(r.result()).isEqualTo(AuthResult.FAIL);
    }

    @Test
    void thousandsOfIncludesStopAtTheLimit() {
        Fixed dns = new Fixed(Map.of("many.example", "v=spf1 " + "include:many.example ".repeat(5_000) + "-all"));
        SpfResult r = new SpfEvaluator(dns).check("192.0.2.1", "x@many.example", "h.example");
        assertThat(r.result()).isEqualTo(AuthResult.PERMERROR);
        assertThat(r.dnsLookups()).isEqualTo(11);
    }
}
