package dev.smtpd4c.auth.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.records.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Points per finding, and F for a missing basic whatever the points. */
class GradeTest {

    @ParameterizedTest(name = "{0} errors, {1} warnings, {2} infos, failing {3} -> {4}")
    @CsvSource({
        "0, 0, 5, '',   A",
        "0, 2, 0, '',   A",
        "0, 3, 0, '',   B",
        "1, 0, 0, '',   B",
        "1, 1, 0, '',   C",
        "2, 0, 0, '',   D",
        "2, 1, 0, '',   D",
        "3, 0, 0, '',   F",
        "0, 0, 0, dkim, F",
        "0, 0, 0, spf,  F",
        "0, 0, 0, dmarc, F",
        "0, 0, 0, tls,  A"})
    void grades(int errors, int warnings, int infos, String failing, Grade expected) {
        List<Finding> findings = new ArrayList<>();
        add(findings, errors, Severity.ERROR);
        add(findings, warnings, Severity.WARNING);
        add(findings, infos, Severity.INFO);
        List<Requirement> reqs = failing.isEmpty() ? List.of()
                : List.of(new Requirement(failing, failing, Requirement.Status.FAIL, ""));
        assertThat(Grade.of(findings, reqs)).isEqualTo(expected);
    }

    private static void add(List<Finding> to, int n, Severity s) {
        for (int i = 0; i < n; i++) {
            to.add(new Finding("x.y", s, "d.test", "m"));
        }
    }
}
