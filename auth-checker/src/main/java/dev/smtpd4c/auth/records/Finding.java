package dev.smtpd4c.auth.records;

import dev.smtpd4c.auth.Severity;

/**
 * One thing a domain check found, flat so reports, snapshots and drift events carry it as is.
 *
 * @param code stable identifier, "area.kebab-case" (e.g. {@code spf.too-many-lookups}); drift
 *     detection and alerts key on it, so a code is never reused for another meaning
 * @param severity how much it matters
 * @param subject what the finding is about: a domain, a selector's key name, an MX host, an IP
 * @param message what is wrong and what to do, for people
 */
public record Finding(String code, Severity severity, String subject, String message) {

    /** Identity for drift: the same code about the same subject is the same finding. */
    public String key() {
        return code + " " + subject;
    }
}
