package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.Headers;
import dev.smtpd4c.bounce.mail.MimePart;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;
import java.util.Optional;

/**
 * RFC 5965 feedback-loop complaints (ARF). The complaining recipient is Original-Rcpt-To or
 * Removal-Recipient, else the To of the returned message. Reports of providers that skip the
 * machine-readable part (Hotmail's JMRP, old AOL) are recognised by their headers.
 */
public final class ArfFormat implements BounceFormat {
    @Override public String name() { return "ARF"; }

    @Override
    public Optional<List<RawFailure>> decode(ParsedMessage m) {
        Optional<MimePart> report = m.part("message/feedback-report");
        boolean typed = m.headers().param("Content-Type", "report-type").equalsIgnoreCase("feedback-report");
        boolean looseArf = m.headers().has("X-HmXmrOriginalRecipient") || m.headers().has("X-AOL-IP")
                && Signs.subjectHas(m, "complaint") || Signs.headerHas(m, "X-Mailer", "feedback loop")
                || m.from().contains("staff@hotmail.com") || Signs.subjectHas(m, "complaint about message from");
        if (report.isEmpty() && !typed && !looseArf) return Optional.empty();
        Headers f = report.map(p -> Headers.parse(p.text(), 0, p.text().length())).orElse(Headers.EMPTY);
        Headers orig = m.originalHeaders();
        String rcpt = Addresses.find(f.get("Original-Rcpt-To"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(f.get("Removal-Recipient"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(m.headers().get("X-HmXmrOriginalRecipient"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(orig.get("To"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(m.text());
        if (rcpt.isEmpty()) return Optional.empty();
        String type = f.get("Feedback-Type").trim().toLowerCase(java.util.Locale.ROOT);
        String text = m.text().strip();
        int nl = text.indexOf('\n');
        RawFailure.Builder b = RawFailure.builder().recipient(rcpt)
                .feedbackType(type.isEmpty() ? "abuse" : type)
                .diagnostic(nl < 0 ? text : text.substring(0, Math.min(nl, 600)))
                .reportingMta(dsnValue(f.get("Reporting-MTA")))
                .remoteMta(f.get("Source-IP"))
                .reasonHint("feedback");
        return Optional.of(List.of(b.build()));
    }

    private static String dsnValue(String v) { return dev.smtpd4c.bounce.mail.DeliveryStatus.stripType(v); }
}
