package dev.smtpd4c.auth.verify;

import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RFC5322.From domain DMARC evaluates. RFC 9989 lets receivers give up on messages with no
 * From, several From fields or several addresses; we do, and DMARC then reports permerror.
 */
final class FromDomain {

    private FromDomain() {}

    static Optional<String> of(RawMessage message) {
        List<HeaderField> from = message.headers("From");
        if (from.size() != 1) {
            return Optional.empty();
        }
        String value = withoutComments(from.get(0).unfoldedValue());
        int lt = value.lastIndexOf('<');
        String address = lt >= 0 && value.indexOf('>', lt) > lt ? value.substring(lt + 1, value.indexOf('>', lt)) : value;
        if (lt < 0 && address.indexOf(',') >= 0 || lt >= 0 && value.substring(value.indexOf('>', lt) + 1).contains("@")) {
            return Optional.empty(); // several mailboxes
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return domain.isEmpty() || domain.contains(" ") ? Optional.empty() : Optional.of(domain);
    }

    /** Drops (comments), which RFC 5322 allows around addresses, without nesting tricks. */
    private static String withoutComments(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
                continue;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }
}
