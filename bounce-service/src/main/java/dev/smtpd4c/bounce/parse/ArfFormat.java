package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.Headers;
import dev.smtpd4c.bounce.mail.MimePart;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;
import java.util.Optional;

/**
 * RFC 5965 feedback-loop complaints (ARF). The complaining recipient is Original-Rcpt-To or
 * Removal-Recipient, else the To of the returned message. Reports of providers that skip the
 * machine-readable part (Hotmail's JMRP, old AOL) are recognised by their headers. Apple Mail's
 * one-click unsubscribe (X-Apple-Unsubscribe) is an opt-out complaint from the replier.
 */
public final class ArfFormat implements BounceFormat {
    @Override public String name() { return "ARF"; }

    @Override
    public Optional<List<RawFailure>> decode(ParsedMessage m) {
        Optional<MimePart> report = m.part("message/feedback-report");
        boolean typed = m.headers().param("Content-Type", "report-type").equalsIgnoreCase("feedback-report");
        boolean looseArf = m.headers().has("X-HmXmrOriginalRecipient") || m.headers().has("X-AOL-IP")
                && Signs.subjectHas(m, "complaint") || Signs.headerHas(m, "X-Mailer", "feedback loop")
                || m.from().contains("staff@hotmail.com") || Signs.subjectHas(m, "complaint about message from")
                || m.headers().get("X-Apple-Unsubscribe").trim().equalsIgnoreCase("true");
        if (report.isEmpty() && !typed && !looseArf) return Optional.empty();
        Headers f = report.map(p -> Headers.parse(p.text(), 0, p.text().length())).orElse(Headers.EMPTY);
        Headers orig = m.originalHeaders();
        List<String> rcpts = new java.util.ArrayList<>();
        for (String v : f.getAll("Original-Rcpt-To")) if (!Addresses.find(v).isEmpty()) rcpts.add(Addresses.find(v));
        String rcpt = rcpts.isEmpty() ? "" : rcpts.get(0);
        if (rcpt.isEmpty()) rcpt = Addresses.find(f.get("Removal-Recipient"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(m.headers().get("X-HmXmrOriginalRecipient"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(orig.get("To"));
        if (m.headers().has("X-Apple-Unsubscribe")) rcpt = Addresses.find(m.headers().get("From"));
        if (rcpt.isEmpty()) rcpt = Addresses.find(m.text());
        if (rcpt.isEmpty()) return Optional.empty();
        if (rcpts.isEmpty()) rcpts.add(rcpt);
        String type = f.get("Feedback-Type").trim().toLowerCase(java.util.Locale.ROOT);
        if (type.isEmpty() && m.headers().has("X-Apple-Unsubscribe")) type = "opt-out";
        String text = m.text().strip();
        int nl = text.indexOf('\n');
        List<RawFailure> out = new java.util.ArrayList<>();
        for (String r : rcpts) { // one complaint may name several recipients who reported it
            out.add(RawFailure.builder().recipient(r)
                    .feedbackType(type.isEmpty() ? "abuse" : type)
                    .diagnostic(nl < 0 ? text : text.substring(0, Math.min(nl, 600)))
                    .reportingMta(dsnValue(f.get("Reporting-MTA")))
                    .remoteMta(f.get("Source-IP"))
                    .reasonHint("feedback").build());
        }
        return Optional.of(out);
    }

    private static String dsnValue(String v) { return dev.smtpd4c.bounce.mail.DeliveryStatus.stripType(v); }
}
