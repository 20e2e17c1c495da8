package dev.smtpd4c.bounce.webhook;

import dev.smtpd4c.bounce.BounceRecord;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the parser's flat result from a provider event's fields; fields a provider does not give are "". */
final class ProviderRecords {

    private static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    private ProviderRecords() {}

    /** A failed or delayed recipient; {@code reason} is a Sisimai reason name, as the parser gives. */
    static BounceRecord bounce(String decodedBy, String recipient, String status, String replyCode, String reason,
            boolean hard, String action, String diagnostic, String remoteMta, Original original) {
        return new BounceRecord(lower(recipient), n(status), n(replyCode), reason, hard, action, cut(n(diagnostic)), "SMTP",
                "", decodedBy, "", n(remoteMta), "", original.messageId(), lower(original.from()), "", "", "",
                original.stream(), "");
    }

    static BounceRecord complaint(String decodedBy, String recipient, String feedbackType, Original original) {
        return new BounceRecord(lower(recipient), "", "", "feedback", false, "", "", "", "", decodedBy, "", "",
                n(feedbackType).isEmpty() ? "abuse" : n(feedbackType).toLowerCase(Locale.ROOT), original.messageId(),
                lower(original.from()), "", "", "", original.stream(), "");
    }

    static BounceRecord delivered(String decodedBy, String recipient, String diagnostic, Original original) {
        return new BounceRecord(lower(recipient), "2.0.0", "250", "delivered", false, "delivered", cut(n(diagnostic)), "SMTP",
                "", decodedBy, "", "", "", original.messageId(), lower(original.from()), "", "", "", original.stream(), "");
    }

    /** What the provider tells of the message that bounced: its Message-ID, From and our stream. */
    record Original(String messageId, String from, String stream) {
        Original {
            messageId = n(messageId);
            from = bareAddress(n(from));
            stream = n(stream);
        }
    }

    /** "Alice <alice@example.org>" -> alice@example.org. */
    static String bareAddress(String s) {
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        return (lt >= 0 && gt > lt ? s.substring(lt + 1, gt) : s).strip();
    }

    /** Enhanced status code from a diagnostic text when the provider gives none as a field. */
    static String statusIn(String text) {
        Matcher m = STATUS.matcher(n(text));
        return m.find() ? m.group(1) : "";
    }

    private static String n(String s) {
        return s == null ? "" : s.strip();
    }

    private static String lower(String s) {
        return n(s).toLowerCase(Locale.ROOT);
    }

    private static String cut(String s) {
        return s.length() > 600 ? s.substring(0, 600) : s;
    }
}
