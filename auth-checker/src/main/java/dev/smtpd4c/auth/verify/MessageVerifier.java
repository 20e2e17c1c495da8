package dev.smtpd4c.auth.verify;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.arc.ArcAuthResults;
import dev.smtpd4c.auth.arc.ArcResult;
import dev.smtpd4c.auth.arc.ArcValidator;
import dev.smtpd4c.auth.dkim.DkimAuthResults;
import dev.smtpd4c.auth.dkim.DkimResult;
import dev.smtpd4c.auth.dkim.DkimVerifier;
import dev.smtpd4c.auth.dmarc.DkimSignatureResult;
import dev.smtpd4c.auth.dmarc.DmarcEvaluator;
import dev.smtpd4c.auth.dmarc.DmarcResult;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.message.AuthResultsText;
import dev.smtpd4c.auth.message.RawMessage;
import dev.smtpd4c.auth.spf.SpfEvaluator;
import dev.smtpd4c.auth.spf.SpfResult;
import java.time.Clock;
import java.util.List;

/**
 * SPF, DKIM, DMARC (fed with the SPF and DKIM outputs) and ARC for one received message, and the
 * Authentication-Results field a receiver would add. Thread-safe when the resolver is.
 */
public final class MessageVerifier {

    private final SpfEvaluator spf;
    private final DkimVerifier dkim;
    private final DmarcEvaluator dmarc;
    private final ArcValidator arc;
    private final String authservId;

    public MessageVerifier(DnsResolver dns, Clock clock, String authservId) {
        this.spf = new SpfEvaluator(dns);
        this.dkim = new DkimVerifier(dns, clock);
        this.dmarc = new DmarcEvaluator(dns);
        this.arc = new ArcValidator(dns, clock);
        this.authservId = authservId;
    }

    /**
     * @param ip the connecting client's address (must be an IP literal)
     * @param helo the HELO/EHLO name
     * @param mailFrom the envelope sender, empty for bounces
     */
    public Verification verify(RawMessage message, String ip, String helo, String mailFrom) {
        SpfResult spfResult = spf.check(ip, mailFrom, helo);
        List<DkimResult> dkimResults = dkim.verify(message);
        String from = FromDomain.of(message).orElse("");
        List<DkimSignatureResult> forDmarc = dkimResults.stream()
                .map(r -> new DkimSignatureResult(r.domain(), r.result(), r.selector())).toList();
        DmarcResult dmarcResult = dmarc.evaluate(from, spfResult, forDmarc);
        ArcResult arcResult = arc.validate(message);
        return new Verification(header(spfResult, mailFrom, helo, dkimResults, dmarcResult, arcResult), from,
                spfResult, dkimResults, dmarcResult, arcResult);
    }

    private String header(SpfResult s, String mailFrom, String helo, List<DkimResult> d, DmarcResult m, ArcResult a) {
        StringBuilder sb = new StringBuilder("Authentication-Results: ").append(authservId);
        sb.append(";\r\n\tspf=").append(s.result().word());
        if (!s.problem().isEmpty() && s.result() != AuthResult.PASS) {
            sb.append(" reason=").append(AuthResultsText.quoted(s.problem()));
        }
        if (mailFrom == null || mailFrom.isEmpty()) {
            sb.append(" smtp.helo=").append(helo);
        } else {
            sb.append(" smtp.mailfrom=").append(mailFrom);
        }
        if (d.isEmpty()) {
            sb.append(";\r\n\tdkim=none");
        }
        for (DkimResult r : d) {
            sb.append(";\r\n\t").append(DkimAuthResults.entry(r));
        }
        sb.append(";\r\n\tdmarc=").append(m.result().word());
        if (m.record() != null) {
            sb.append(" (p=").append(m.record().policy().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" dis=").append(m.disposition().name().toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        if (!m.problem().isEmpty()) {
            sb.append(" reason=").append(AuthResultsText.quoted(m.problem()));
        }
        if (!m.fromDomain().isEmpty() && m.fromDomain().indexOf(' ') < 0) {
            sb.append(" header.from=").append(m.fromDomain());
        }
        sb.append(";\r\n\t").append(ArcAuthResults.entry(a));
        return sb.toString();
    }
}
