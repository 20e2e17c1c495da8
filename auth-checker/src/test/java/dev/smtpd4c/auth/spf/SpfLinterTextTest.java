package dev.smtpd4c.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.spf.SpfFinding.Code;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Record-text checks of the linter, no DNS needed. */
class SpfLinterTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "v=spf1 mx -all                                  |",
        "v=spf1 mx                                       | NO_ALL",
        "v=spf1 -all mx                                  | TERMS_AFTER_ALL",
        "v=spf1 -all redirect=_spf.example.com           | REDIRECT_WITH_ALL",
        "v=spf1 +all                                     | PASS_ALL",
        "v=spf1 all                                      | PASS_ALL",
        "v=spf1 ?all                                     | NEUTRAL_ALL",
        "v=spf1 ptr:example.com ~all                     | PTR_USED",
        "v=spf1 a a -all                                 | DUPLICATE_TERM",
        "v=spf1 a:foo -all                               | SYNTAX_ERROR",
        "v=spf1 redirect=_spf.example.com                |",
    })
    void findings(String record, Code expected) {
        List<SpfFinding> f = SpfLinter.lintText("example.com", record.strip());
        if (expected == null) {
            assertThat(f).isEmpty();
        } else {
            assertThat(f).extracting(SpfFinding::code).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"450, ''", "451, RECORD_OVER_450_BYTES", "512, RECORD_OVER_450_BYTES", "513, RECORD_OVER_512_BYTES"})
    void size(int bytes, String expected) {
        String head = "v=spf1 ip4:192.0.2.1 -all exp=";
        String record = head + "x".repeat(bytes - head.length() - ".example.com".length()) + ".example.com";
        assertThat(record).hasSize(bytes);
        List<SpfFinding> f = SpfLinter.lintText("example.com", record);
        if (expected.isEmpty()) {
            assertThat(f).isEmpty();
        } else {
            assertThat(f).extracting(x -> x.code().name()).containsExactly(expected);
        }
    }
}
