package dev.smtpd4c.auth.domain;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.drift.DriftChange;
import dev.smtpd4c.auth.events.DomainAuthChecked;
import dev.smtpd4c.auth.events.DomainAuthDrifted;
import dev.smtpd4c.auth.report.DomainReport;
import dev.smtpd4c.auth.report.Requirement;
import java.util.List;

/** Report and drift as event data; the event records stay independent of the report types. */
final class DomainEvents {

    private DomainEvents() {}

    static DomainAuthChecked checked(DomainReport r, String trigger) {
        List<String> findings = r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(f -> f.key()).toList();
        List<String> failed = r.requirements().stream().filter(q -> q.status() == Requirement.Status.FAIL)
                .map(Requirement::id).toList();
        return new DomainAuthChecked(r.domain(), r.grade().name(), (int) r.count(Severity.ERROR),
                (int) r.count(Severity.WARNING), findings, failed, trigger, r.checkedAt());
    }

    static DomainAuthDrifted drifted(DomainReport previous, DomainReport current, List<DriftChange> changes) {
        return new DomainAuthDrifted(current.domain(), previous.checkedAt(), current.checkedAt(), previous.grade().name(),
                current.grade().name(), changes.stream().map(c -> new DomainAuthDrifted.Change(c.kind().name(), c.code(),
                        c.subject(), c.severity() == null ? null : c.severity().name(), c.before(), c.after(),
                        c.message())).toList());
    }
}
