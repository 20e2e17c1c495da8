package dev.smtpd4c.auth.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtaStsPolicyTest {

    @Test
    void readsAPolicyAndMatchesWildcardsOneLabelDeep() {
        var parsed = MtaStsPolicy.parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.mx.example.com\r\n"
                + "max_age: 86400\r\nextension: ignored\r\n");
        assertThat(parsed).isInstanceOf(MtaStsPolicy.Parsed.Ok.class);
        MtaStsPolicy p = ((MtaStsPolicy.Parsed.Ok) parsed).policy();
        assertThat(p.allows("MAIL.example.com")).isTrue();
        assertThat(p.allows("a.mx.example.com")).isTrue();
        assertThat(p.allows("a.b.mx.example.com")).isFalse();
        assertThat(p.allows("mx.example.com")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "version: STSv2\\nmode: enforce\\nmx: a.test\\nmax_age: 1|version must be STSv1",
        "version: STSv1\\nmode: strict\\nmx: a.test\\nmax_age: 1|mode must be",
        "version: STSv1\\nmode: enforce\\nmax_age: 1|no mx",
        "version: STSv1\\nmode: enforce\\nmx: a.test\\nmax_age: 99999999|max_age must be",
        "version: STSv1\\nmode: enforce\\nmx: a.test\\nmax_age: soon|not a number",
        "<html>not a policy</html>|is not 'key: value'"})
    void rejectsBadPolicies(String text, String reason) {
        var parsed = MtaStsPolicy.parse(text.replace("\\n", "\n"));
        assertThat(parsed).isInstanceOf(MtaStsPolicy.Parsed.Invalid.class);
        assertThat(((MtaStsPolicy.Parsed.Invalid) parsed).reason()).contains(reason);
    }
}
