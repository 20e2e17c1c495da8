package dev.smtpd4c.bounce.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 3464 message/delivery-status body: one per-message field group, then one group per
 * recipient. Groups are split at blank lines, and also at a repeated Final-Recipient, because
 * some MTAs forget the blank line between recipients.
 *
 * @param perMessage Reporting-MTA, Arrival-Date, ... ; empty when the body starts with a recipient
 * @param recipients one field group per recipient that has a Final-Recipient or Original-Recipient
 */
public record DeliveryStatus(Headers perMessage, List<Headers> recipients) {
    static final int MAX_RECIPIENTS = 200;

    public static DeliveryStatus parse(String body) {
        List<Headers> groups = new ArrayList<>();
        int i = 0, n = body.length();
        while (i < n && groups.size() <= MAX_RECIPIENTS) {
            while (i < n && body.charAt(i) == '\n') i++; // skip blank lines between groups
            if (i >= n) break;
            int end = groupEnd(body, i, n);
            Headers h = Headers.parse(body, i, end);
            groups.add(h);
            i = end > i ? end : nextLine(body, i, n); // groupEnd always moves past the first line
        }
        Headers perMessage = Headers.EMPTY;
        List<Headers> recipients = new ArrayList<>();
        for (Headers g : groups) {
            if (g.has("Final-Recipient") || g.has("Original-Recipient")) recipients.add(g);
            else if (perMessage.isEmpty() && recipients.isEmpty()) perMessage = g;
        }
        return new DeliveryStatus(perMessage, recipients);
    }

    /** End of the group starting at {@code from}: a blank line, or a second recipient field at line start. */
    private static int groupEnd(String s, int from, int n) {
        boolean seenRecipient = false;
        int i = from;
        while (i < n) {
            if (s.charAt(i) == '\n') return i;
            boolean rcpt = s.regionMatches(true, i, "Final-Recipient:", 0, 16);
            if (rcpt && seenRecipient) return i;
            seenRecipient |= rcpt;
            i = nextLine(s, i, n);
        }
        return n;
    }

    private static int nextLine(String s, int i, int n) {
        int eol = s.indexOf('\n', i);
        return eol < 0 ? n : eol + 1;
    }

    /** A DSN field value without its type prefix: "rfc822; a@b" gives "a@b", "smtp; 550 x" gives "550 x". */
    public static String stripType(String value) {
        int semi = value.indexOf(';');
        if (semi > 0 && semi < 20 && value.substring(0, semi).trim().matches("[A-Za-z0-9.-]{1,19}")) {
            return value.substring(semi + 1).trim();
        }
        return value.trim();
    }

    /** The type prefix of a DSN field value ("SMTP" of "smtp; 550 ..."), upper case, or "". */
    public static String typeOf(String value) {
        int semi = value.indexOf(';');
        if (semi > 0 && semi < 20 && value.substring(0, semi).trim().matches("[A-Za-z0-9.-]{1,19}")) {
            return value.substring(0, semi).trim().toUpperCase(java.util.Locale.ROOT);
        }
        return "";
    }
}
