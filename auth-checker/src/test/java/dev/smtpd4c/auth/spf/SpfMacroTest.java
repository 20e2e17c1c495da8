package dev.smtpd4c.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The macro examples of RFC 7208 section 7.4, and syntax errors. */
class SpfMacroTest {

    private static MacroContext ctx(String ip) {
        return new MacroContext("strong-bad@email.example.com", "strong-bad", "email.example.com",
                "email.example.com", IpAddress.parse(ip), "mx.example.org", "mx.example.net", 1_700_000_000L,
                d -> "unknown");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "%{s}                      | strong-bad@email.example.com",
        "%{o}                      | email.example.com",
        "%{d}                      | email.example.com",
        "%{d4}                     | email.example.com",
        "%{d3}                     | email.example.com",
        "%{d2}                     | example.com",
        "%{d1}                     | com",
        "%{dr}                     | com.example.email",
        "%{d2r}                    | example.email",
        "%{l}                      | strong-bad",
        "%{l-}                     | strong.bad",
        "%{lr}                     | strong-bad",
        "%{lr-}                    | bad.strong",
        "%{l1r-}                   | strong",
        "%{ir}.%{v}._spf.%{d2}     | 3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}      | bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2} | bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2} | 3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net | example.com.trusted-domains.example.net",
        "%{L}%%%_%-                | strong-bad% %20",
        "%{S}                      | strong-bad%40email.example.com",
    })
    void rfcExamples(String macro, String expected) throws SpfSyntaxException {
        SpfMacro.validate(macro, false, 0);
        assertThat(SpfMacro.expand(macro, ctx("192.0.2.3"), false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{ir}.%{v}._spf.%{d2} | 1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com",
        "%{c} %{r} %{t}        | 2001:db8::cb01 mx.example.net 1700000000",
    })
    void ipv6AndExplanationLetters(String macro, String expected) throws SpfSyntaxException {
        SpfMacro.validate(macro, true, 0);
        assertThat(SpfMacro.expand(macro, ctx("2001:db8::cb01"), true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%{", "%{x}", "%{d", "%{d0}", "%{d2x}", "%a", "%{c}", "a b", "\u00e9", "%{d1234}"})
    void syntaxErrors(String macro) {
        assertThatThrownBy(() -> SpfMacro.validate(macro, false, 0)).isInstanceOf(SpfSyntaxException.class);
    }
}
