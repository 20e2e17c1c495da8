package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.RecordCheck;
import dev.smtpd4c.auth.spf.SpfFinding;
import dev.smtpd4c.auth.spf.SpfLintReport;
import dev.smtpd4c.auth.spf.SpfLinter;
import java.util.Locale;

/** The SPF linter's report as report findings: code "spf." + the linter's code in kebab case. */
final class SpfSection {

    private SpfSection() {}

    static RecordCheck check(SpfLinter linter, String domain) {
        SpfLintReport lint = linter.lint(domain);
        return new RecordCheck("spf", lint.record(), lint.findings().stream().map(SpfSection::finding).toList());
    }

    static Finding finding(SpfFinding f) {
        String where = f.position() >= 0 ? " (at character " + (f.position() + 1) + ")" : "";
        return new Finding(code(f.code()), f.severity(), f.domain(), f.message() + where);
    }

    static String code(SpfFinding.Code code) {
        return "spf." + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
