package dev.smtpd4c.auth.sender;

import java.time.Instant;

/**
 * What a DMARC aggregate report upload did.
 *
 * @param duplicate the reporter's report id was applied before; nothing was counted again
 * @param recorded rows added to a registered domain's senders
 * @param ignored rows whose From domain is not the policy domain or below it, or that no registered domain claims
 */
public record DmarcReportResult(String orgName, String reportId, String policyDomain, Instant begin, Instant end,
        int records, int recorded, int ignored, boolean duplicate) {}
