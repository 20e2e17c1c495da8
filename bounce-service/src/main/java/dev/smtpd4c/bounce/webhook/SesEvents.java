package dev.smtpd4c.bounce.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.bounce.BounceRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SES notifications (Bounce, Complaint, Delivery; the notificationType and the
 * event-publishing eventType forms) read into results. SES's own bounce types say whether the
 * address is gone; its sub-types give the reason.
 */
final class SesEvents {

    static final String DECODER = "AmazonSES";
    private static final Pattern REPLY_CODE = Pattern.compile("\\b([245]\\d\\d)\\b");

    private SesEvents() {}

    /** Empty for notification kinds that carry no result (Send, Open, ...). */
    static Optional<ProviderEvent> read(JsonNode n, String snsMessageId) {
        String type = n.path("notificationType").asText(n.path("eventType").asText(""));
        ProviderRecords.Original original = original(n.path("mail"));
        List<BounceRecord> out = new ArrayList<>();
        String id;
        switch (type) {
            case "Bounce" -> {
                JsonNode b = n.path("bounce");
                id = b.path("feedbackId").asText("");
                boolean permanent = "Permanent".equals(b.path("bounceType").asText());
                String sub = b.path("bounceSubType").asText("");
                for (JsonNode r : b.path("bouncedRecipients")) {
                    String diag = r.path("diagnosticCode").asText("");
                    String status = r.path("status").asText(ProviderRecords.statusIn(diag));
                    String reason = reason(permanent, sub, status);
                    out.add(ProviderRecords.bounce(DECODER, r.path("emailAddress").asText(), status, replyCode(diag), reason,
                            permanent && isAddressLevel(reason), r.path("action").asText("failed"), diag, b.path("remoteMtaIp").asText(""), original));
                }
            }
            case "Complaint" -> {
                JsonNode c = n.path("complaint");
                id = c.path("feedbackId").asText("");
                for (JsonNode r : c.path("complainedRecipients")) {
                    out.add(ProviderRecords.complaint(DECODER, r.path("emailAddress").asText(), c.path("complaintFeedbackType").asText(""), original));
                }
            }
            case "Delivery" -> {
                JsonNode d = n.path("delivery");
                id = n.path("mail").path("messageId").asText("") + "/delivery";
                for (JsonNode r : d.path("recipients")) {
                    out.add(ProviderRecords.delivered(DECODER, r.asText(), d.path("smtpResponse").asText(""), original));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new ProviderEvent("ses", id.isEmpty() ? snsMessageId : id, n.toString().getBytes(StandardCharsets.UTF_8), out));
    }

    /** SES bounce sub-types, refined by the recipient's status code where SES only says "General". */
    static String reason(boolean permanent, String subType, String status) {
        return switch (subType) {
            case "NoEmail" -> "userunknown";
            case "Suppressed", "OnAccountSuppressionList" -> "suppressed";
            case "MailboxFull" -> "mailboxfull";
            case "MessageTooLarge" -> "mesgtoobig";
            case "ContentRejected", "AttachmentRejected" -> "contenterror";
            default -> switch (status) {
                case "5.1.1", "5.1.0" -> "userunknown";
                case "5.1.2", "4.1.2" -> "hostunknown";
                case "5.2.2", "4.2.2" -> "mailboxfull";
                case "5.2.1" -> "suspend";
                default -> permanent ? "userunknown" : "undefined";
            };
        };
    }

    /** A permanent SES bounce stops mail only when it is about the address, not the message. */
    private static boolean isAddressLevel(String reason) {
        return reason.equals("userunknown") || reason.equals("hostunknown");
    }

    private static String replyCode(String diagnostic) {
        Matcher m = REPLY_CODE.matcher(diagnostic);
        return m.find() ? m.group(1) : "";
    }

    private static ProviderRecords.Original original(JsonNode mail) {
        String stream = "";
        for (JsonNode h : mail.path("headers")) {
            if ("X-SMTPD4C-Stream".equalsIgnoreCase(h.path("name").asText())) {
                stream = h.path("value").asText();
            }
        }
        JsonNode common = mail.path("commonHeaders");
        String from = common.path("from").path(0).asText(mail.path("source").asText(""));
        return new ProviderRecords.Original(common.path("messageId").asText(mail.path("messageId").asText("")), from, stream);
    }
}
