package dev.smtpd4c.bounce.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.bounce.BounceRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Postmark bounce and spam complaint webhooks read into results; Postmark's bounce Type gives the reason. */
final class PostmarkEvents {

    static final String DECODER = "Postmark";

    private PostmarkEvents() {}

    static Optional<ProviderEvent> read(JsonNode e) {
        String rcpt = e.path("Email").asText("");
        ProviderRecords.Original original = new ProviderRecords.Original(e.path("MessageID").asText(""),
                e.path("From").asText(""), e.path("MessageStream").asText(""));
        String type = e.path("Type").asText("");
        BounceRecord r;
        if ("SpamComplaint".equals(e.path("RecordType").asText()) || "SpamComplaint".equals(type)) {
            r = ProviderRecords.complaint(DECODER, rcpt, "abuse", original);
        } else if ("Bounce".equals(e.path("RecordType").asText())) {
            String details = e.path("Details").asText(e.path("Description").asText(""));
            String reason = reason(type);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            boolean hard = type.equals("HardBounce") || type.equals("BadEmailAddress");
            r = ProviderRecords.bounce(DECODER, rcpt, ProviderRecords.statusIn(details), "", reason, hard,
                    type.equals("Transient") ? "delayed" : "failed", details, "", original);
        } else {
            return Optional.empty();
        }
        String id = e.path("RecordType").asText() + "/" + e.path("ID").asText("");
        return Optional.of(new ProviderEvent("postmark", id, e.toString().getBytes(StandardCharsets.UTF_8), List.of(r)));
    }

    /** Postmark bounce types; "" for those that are no delivery failure (subscription changes, challenges). */
    static String reason(String type) {
        return switch (type) {
            case "HardBounce" -> "userunknown";
            case "BadEmailAddress" -> "syntaxerror";
            case "SoftBounce", "Undeliverable", "Unknown" -> "undefined";
            case "Transient" -> "expired";
            case "DnsError" -> "hostunknown";
            case "Blocked", "ISPBlock", "SMTPApiError" -> "blocked";
            case "AutoResponder" -> "vacation";
            case "SpamNotification", "ContentRelated", "VirusNotification" -> "spamdetected";
            case "ManuallyDeactivated", "InboundError" -> "suppressed";
            case "MailFull" -> "mailboxfull";
            default -> "";
        };
    }
}
