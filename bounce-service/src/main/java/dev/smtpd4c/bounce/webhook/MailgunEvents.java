package dev.smtpd4c.bounce.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.bounce.BounceRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Mailgun webhook event-data (failed, complained, delivered) read into results. */
final class MailgunEvents {

    static final String DECODER = "Mailgun";

    private MailgunEvents() {}

    static Optional<ProviderEvent> read(JsonNode d) {
        String rcpt = d.path("recipient").asText("");
        JsonNode headers = d.path("message").path("headers");
        ProviderRecords.Original original = new ProviderRecords.Original(headers.path("message-id").asText(""),
                headers.path("from").asText(""), d.path("user-variables").path("smtpd4c-stream").asText(""));
        JsonNode ds = d.path("delivery-status");
        String text = ds.path("description").asText("") + " " + ds.path("message").asText("");
        String code = ds.path("code").asText("");
        String status = ds.path("enhanced-code").asText(ProviderRecords.statusIn(text));
        BounceRecord r = switch (d.path("event").asText()) {
            case "failed" -> {
                boolean permanent = "permanent".equals(d.path("severity").asText());
                String reason = reason(d.path("reason").asText(""), permanent, status, code);
                yield ProviderRecords.bounce(DECODER, rcpt, status, code, reason, permanent && reason.equals("userunknown"),
                        permanent ? "failed" : "delayed", text, ds.path("mx-host").asText(""), original);
            }
            case "complained" -> ProviderRecords.complaint(DECODER, rcpt, "abuse", original);
            case "delivered" -> ProviderRecords.delivered(DECODER, rcpt, text, original);
            default -> null;
        };
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new ProviderEvent("mailgun", d.path("id").asText(""), d.toString().getBytes(StandardCharsets.UTF_8), List.of(r)));
    }

    /** Mailgun's failure reasons; for plain bounces the SMTP codes tell which kind. */
    static String reason(String mailgunReason, boolean permanent, String status, String code) {
        return switch (mailgunReason) {
            case "suppress-bounce", "suppress-unsubscribe", "suppress-complaint" -> "suppressed";
            case "espblock" -> "blocked";
            default -> {
                if (status.startsWith("5.1.1") || (permanent && "bounce".equals(mailgunReason) && code.equals("550"))) {
                    yield "userunknown";
                }
                if (status.endsWith(".2.2") || code.equals("552")) {
                    yield "mailboxfull";
                }
                yield permanent ? "undefined" : "expired";
            }
        };
    }
}
