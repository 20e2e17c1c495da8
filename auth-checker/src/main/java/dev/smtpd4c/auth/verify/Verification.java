package dev.smtpd4c.auth.verify;

import dev.smtpd4c.auth.arc.ArcResult;
import dev.smtpd4c.auth.dkim.DkimResult;
import dev.smtpd4c.auth.dmarc.DmarcResult;
import dev.smtpd4c.auth.spf.SpfResult;
import java.util.List;

/**
 * Everything one message's authentication produced.
 *
 * @param authenticationResults the RFC 8601 field, "Authentication-Results: authserv-id; spf=...; ..."
 * @param fromDomain the RFC5322.From domain, empty when there is no single one
 */
public record Verification(String authenticationResults, String fromDomain, SpfResult spf, List<DkimResult> dkim,
        DmarcResult dmarc, ArcResult arc) {

    public Verification {
        dkim = List.copyOf(dkim);
    }
}
