package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon SES notifications delivered by e-mail (SNS to an address): a JSON document with
 * notificationType Bounce, Complaint or Delivery. SES DSNs in RFC 3464 form go to Rfc3464Format.
 */
public final class AmazonSesFormat implements BounceFormat {
    @Override public String name() { return "AmazonSES"; }

    @Override
    public Optional<List<RawFailure>> decode(ParsedMessage m) {
        String t = m.text().strip();
        if (!t.startsWith("{") || !t.contains("notificationType")) return Optional.empty();
        List<String[]> kv = JsonPairs.read(t);
        if (JsonPairs.first(kv, "Message").contains("notificationType")) kv = JsonPairs.read(JsonPairs.first(kv, "Message"));
        String type = JsonPairs.first(kv, "notificationType");
        List<RawFailure> out = new ArrayList<>();
        String subType = JsonPairs.first(kv, "bounceSubType"), feedback = JsonPairs.first(kv, "complaintFeedbackType");
        String lhost = JsonPairs.first(kv, "reportingMTA");
        RawFailure.Builder cur = null;
        for (String[] p : kv) {
            switch (p[0]) {
                case "emailAddress" -> {
                    if (cur != null) out.add(cur.build());
                    cur = RawFailure.builder().recipient(p[1]).reportingMta(DsnText.value(lhost));
                    if (type.equals("Complaint")) cur.reasonHint("feedback").feedbackType(feedback.isEmpty() ? "abuse" : feedback);
                    else cur.action("failed").reasonHint(sesReason(subType));
                }
                case "status" -> { if (cur != null) cur.status(p[1]); }
                case "action" -> { if (cur != null) cur.action(p[1]); }
                case "diagnosticCode" -> { if (cur != null) cur.diagnostic(DsnText.value(p[1])); }
                default -> { }
            }
        }
        if (cur != null) out.add(cur.build());
        if (type.equals("Delivery")) {
            String smtp = JsonPairs.first(kv, "smtpResponse");
            for (String[] p : kv) {
                if (p[0].equals("recipients")) out.add(RawFailure.builder().recipient(p[1]).action("delivered")
                        .reasonHint("delivered").diagnostic(smtp).build());
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** SES sub-types that name a reason outright; "General" and the like leave it to the text. */
    private static String sesReason(String subType) {
        return switch (subType) {
            case "Suppressed", "OnAccountSuppressionList" -> "suppressed";
            case "MailboxFull" -> "mailboxfull";
            case "MessageTooLarge" -> "mesgtoobig";
            case "NoEmail" -> "userunknown";
            default -> "";
        };
    }
}
