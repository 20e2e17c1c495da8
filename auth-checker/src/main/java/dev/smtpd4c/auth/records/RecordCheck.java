package dev.smtpd4c.auth.records;

import java.util.List;

/**
 * The outcome of checking one published record.
 *
 * @param name what was checked, stable across runs ("mx", "mta-sts", "fcrdns 198.51.100.10")
 * @param value the published value as compared between snapshots; empty when nothing is published
 * @param findings what is wrong with it
 */
public record RecordCheck(String name, String value, List<Finding> findings) {

    public RecordCheck {
        value = value == null ? "" : value;
        findings = List.copyOf(findings);
    }
}
