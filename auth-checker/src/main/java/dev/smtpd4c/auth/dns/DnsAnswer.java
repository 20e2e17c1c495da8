package dev.smtpd4c.auth.dns;

import java.util.List;

/**
 * The outcome of one DNS question: the records, or why there are none.
 *
 * @param status what the server said
 * @param records the records of the asked type (empty unless status is {@link Status#OK})
 * @param detail a human-readable reason for failures, for logs and findings
 * @param authenticated true when the answer was DNSSEC-validated (AD bit from a validating resolver)
 */
public record DnsAnswer<T>(Status status, List<T> records, String detail, boolean authenticated) {

    public enum Status {
        /** At least one record of the asked type. */
        OK,
        /** The name exists but has no record of the asked type. */
        NODATA,
        /** The name does not exist. */
        NXDOMAIN,
        /** Timeout, SERVFAIL, REFUSED or a network error: a retry might succeed. */
        TEMPFAIL
    }

    public DnsAnswer {
        records = List.copyOf(records);
        detail = detail == null ? "" : detail;
    }

    public static <T> DnsAnswer<T> ok(List<T> records) {
        return new DnsAnswer<>(records.isEmpty() ? Status.NODATA : Status.OK, records, "", false);
    }

    public static <T> DnsAnswer<T> of(Status status, String detail) {
        return new DnsAnswer<>(status, List.of(), detail, false);
    }

    /** NXDOMAIN or NODATA: the kind of empty answer that counts as a "void lookup" in SPF. */
    public boolean isVoid() {
        return status == Status.NXDOMAIN || status == Status.NODATA;
    }
}
