package dev.smtpd4c.auth.report;

/**
 * One of the Gmail/Yahoo bulk-sender requirements (February 2024) and whether the domain meets it.
 *
 * @param id stable identifier ("spf", "dkim", "dmarc", "alignment", "fcrdns", "tls", "one-click-unsubscribe")
 * @param title what is required
 * @param status the verdict
 * @param detail why, for people
 */
public record Requirement(String id, String title, Status status, String detail) {

    public enum Status {
        PASS,
        FAIL,
        /** A property of each message, not of DNS: the verify endpoint and the sending stream check it. */
        CHECKED_PER_MESSAGE
    }
}
