package dev.smtpd4c.auth.sender;

import java.time.Instant;

/**
 * One or more messages seen leaving with the same stream, From domain and connecting IP.
 *
 * @param stream the sending stream, null when the source does not know it (DMARC reports)
 * @param fromDomain RFC5322.From domain, lower case
 * @param ip connecting IP, canonical text form
 * @param firstSeen earliest time covered; equals lastSeen for a single message
 * @param messages how many messages this observation stands for (at least 1)
 * @param source verify, mta or dmarc-report
 */
public record SenderObservation(String stream, String fromDomain, String ip, Instant firstSeen, Instant lastSeen,
        long messages, String source) {

    public static final String VERIFY = "verify";
    public static final String MTA = "mta";
    public static final String DMARC_REPORT = "dmarc-report";
}
