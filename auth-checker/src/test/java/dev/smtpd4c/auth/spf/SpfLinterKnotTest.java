package dev.smtpd4c.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.dns.TestDnsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPF linter on the deliberately broken zones of dns/zones, served by Knot. */
class SpfLinterKnotTest {

    private static SpfLinter linter;

    @BeforeAll
    static void server() {
        linter = new SpfLinter(new DnsjavaResolver(TestDnsServer.require()));
    }

    @Test
    void healthyDomainHasNoErrorsAndATree() {
        SpfLintReport r = linter.lint("good.test");
        assertThat(r.hasErrors()).as(r.findings().toString()).isFalse();
        assertThat(r.lookups().totalLookups()).isEqualTo(3);
        assertThat(r.lookups().ownLookups()).isEqualTo(2);
        assertThat(r.lookups().children()).singleElement()
                .satisfies(c -> assertThat(c.domain()).isEqualTo("_spf.good.test"))
                .satisfies(c -> assertThat(c.totalLookups()).isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "loop.broken-spf.test,     LOOP",
        "toomany.broken-spf.test,  TOO_MANY_LOOKUPS",
        "void.broken-spf.test,     TOO_MANY_VOID_LOOKUPS",
        "void.broken-spf.test,     VOID_LOOKUP",
        "several.broken-spf.test,  SEVERAL_RECORDS",
        "syntax.broken-spf.test,   SYNTAX_ERROR",
        "plusall.broken-spf.test,  PASS_ALL",
        "qall.broken-spf.test,     NEUTRAL_ALL",
        "ptr.broken-spf.test,      PTR_USED",
        "spf99.broken-spf.test,    DEPRECATED_SPF_RR",
        "spf99.broken-spf.test,    NO_RECORD",
        "long.broken-spf.test,     RECORD_OVER_512_BYTES",
        "dup.broken-spf.test,      DUPLICATE_TERM",
        "badinc.broken-spf.test,   INCLUDE_WITHOUT_RECORD",
    })
    void findsTheMistake(String domain, SpfFinding.Code code) {
        SpfLintReport r = linter.lint(domain);
        assertThat(r.has(code)).as(r.findings().toString()).isTrue();
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        SpfLintReport r = linter.lint("syntax.broken-spf.test");
        SpfFinding f = r.findings().stream().filter(x -> x.code() == SpfFinding.Code.SYNTAX_ERROR).findFirst()
                .orElseThrow();
        assertThat(f.position()).isEqualTo("v=spf1 ip4:".length());
    }
}
