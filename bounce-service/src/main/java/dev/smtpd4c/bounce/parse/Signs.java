package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.Locale;

/** Small recognisers shared by the formats' {@code matches} methods. */
final class Signs {
    private Signs() {}

    static boolean fromDaemon(ParsedMessage m) {
        String f = m.from();
        return f.contains("mailer-daemon") || f.contains("postmaster") || f.contains("mail delivery")
                || f.contains("mail.delivery") || f.contains("<>") || f.contains("mail-daemon") || f.isEmpty();
    }

    static boolean subjectHas(ParsedMessage m, String... words) {
        String s = m.subject().toLowerCase(Locale.ROOT);
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    /** Looks in the first 4 KB of the text only: signatures sit at the top and this keeps matching cheap. */
    static boolean textHas(ParsedMessage m, String... words) {
        String head = m.lowerHead();
        for (String w : words) if (head.contains(w)) return true;
        return false;
    }

    static boolean headerHas(ParsedMessage m, String name, String word) {
        return m.lowerFields(name).contains(word);
    }
}
