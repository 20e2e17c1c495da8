package dev.smtpd4c.auth.drift;

import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.report.DomainReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two reports of one domain: findings that appeared or cleared (identified by code and
 * subject, so a reworded message is not a change) and published records whose value changed.
 */
public final class DriftDetector {

    private DriftDetector() {}

    public static List<DriftChange> compare(DomainReport previous, DomainReport current) {
        List<DriftChange> out = new ArrayList<>();
        Map<String, Finding> before = byKey(previous.findings());
        Map<String, Finding> after = byKey(current.findings());
        for (Finding f : after.values()) {
            if (!before.containsKey(f.key())) {
                out.add(finding(f, true));
            }
        }
        for (Finding f : before.values()) {
            if (!after.containsKey(f.key())) {
                out.add(finding(f, false));
            }
        }
        TreeSet<String> names = new TreeSet<>(previous.records().keySet());
        names.addAll(current.records().keySet());
        for (String name : names) {
            String was = previous.records().getOrDefault(name, "");
            String now = current.records().getOrDefault(name, "");
            if (!Objects.equals(was, now)) {
                out.add(new DriftChange(DriftChange.Kind.RECORD_CHANGED, name, name, null, was, now,
                        name + (was.isEmpty() ? " published" : now.isEmpty() ? " removed" : " changed")));
            }
        }
        return out;
    }

    private static DriftChange finding(Finding f, boolean appeared) {
        boolean fcrdns = f.code().startsWith("fcrdns.");
        DriftChange.Kind kind = fcrdns ? (appeared ? DriftChange.Kind.FCRDNS_BROKEN : DriftChange.Kind.FCRDNS_RESTORED)
                : (appeared ? DriftChange.Kind.FINDING_APPEARED : DriftChange.Kind.FINDING_CLEARED);
        return new DriftChange(kind, f.code(), f.subject(), f.severity(), "", "",
                appeared ? f.message() : "cleared: " + f.message());
    }

    private static Map<String, Finding> byKey(List<Finding> findings) {
        Map<String, Finding> m = new LinkedHashMap<>();
        for (Finding f : findings) {
            m.putIfAbsent(f.key(), f);
        }
        return m;
    }
}
