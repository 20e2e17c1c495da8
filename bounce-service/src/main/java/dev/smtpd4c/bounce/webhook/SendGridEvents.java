package dev.smtpd4c.bounce.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.bounce.BounceRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * SendGrid event webhook events read into results: bounce (type bounce or blocked), deferred,
 * dropped, spamreport and delivered; opens, clicks and the like give none. SendGrid's
 * bounce_classification gives the reason.
 */
final class SendGridEvents {

    static final String DECODER = "SendGrid";

    private SendGridEvents() {}

    static Optional<ProviderEvent> read(JsonNode e) {
        String rcpt = e.path("email").asText("");
        ProviderRecords.Original original = new ProviderRecords.Original(e.path("smtp-id").asText(""), "",
                e.path("smtpd4c_stream").asText(""));
        String reasonText = e.path("reason").asText(e.path("response").asText(""));
        String status = e.path("status").asText(ProviderRecords.statusIn(reasonText));
        Optional<BounceRecord> record = switch (e.path("event").asText()) {
            case "bounce" -> {
                String reason = "blocked".equals(e.path("type").asText()) ? "blocked" : reason(e.path("bounce_classification").asText(""), status);
                yield Optional.of(ProviderRecords.bounce(DECODER, rcpt, status, "", reason,
                        reason.equals("userunknown") || reason.equals("hostunknown"), "failed", reasonText, "", original));
            }
            case "deferred" -> Optional.of(ProviderRecords.bounce(DECODER, rcpt, status, "", reason(e.path("bounce_classification").asText(""), status),
                    false, "delayed", reasonText, "", original));
            // SendGrid did not even try: the address is on its own suppression list. Recorded, never a hard bounce.
            case "dropped" -> Optional.of(ProviderRecords.bounce(DECODER, rcpt, "", "", "suppressed", false, "failed", reasonText, "", original));
            case "spamreport" -> Optional.of(ProviderRecords.complaint(DECODER, rcpt, "abuse", original));
            case "delivered" -> Optional.of(ProviderRecords.delivered(DECODER, rcpt, e.path("response").asText(""), original));
            default -> Optional.empty();
        };
        return record.map(r -> new ProviderEvent("sendgrid", e.path("sg_event_id").asText(""),
                e.toString().getBytes(StandardCharsets.UTF_8), List.of(r)));
    }

    static String reason(String classification, String status) {
        return switch (classification) {
            case "Invalid Address" -> status.startsWith("5.1.2") ? "hostunknown" : "userunknown";
            case "Mailbox Unavailable" -> status.equals("5.2.1") ? "suspend" : "mailboxfull";
            case "Reputation" -> "blocked";
            case "Content" -> "contenterror";
            case "Frequency or Volume" -> "speeding";
            case "Technical" -> "systemerror";
            default -> "undefined";
        };
    }
}
