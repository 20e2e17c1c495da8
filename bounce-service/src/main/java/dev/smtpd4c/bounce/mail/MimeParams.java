package dev.smtpd4c.bounce.mail;

import java.util.Locale;

/** Parameters of a MIME header value ({@code type/sub; name="value"}), scanned by hand. */
final class MimeParams {
    private MimeParams() {}

    static String param(String value, String name) {
        String lower = Text.lowerRoot(value);
        String key = name.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(key, from);
            if (at < 0) return "";
            from = at + key.length();
            // must be a whole parameter name: preceded by ';' or white space, followed by optional blanks and '='
            char before = at == 0 ? ';' : lower.charAt(at - 1);
            if (before != ';' && before != ' ' && before != '\t') continue;
            int j = from;
            while (j < lower.length() && lower.charAt(j) == ' ') j++;
            if (j >= lower.length() || lower.charAt(j) != '=') continue;
            j++;
            while (j < lower.length() && lower.charAt(j) == ' ') j++;
            if (j < value.length() && value.charAt(j) == '"') {
                int close = value.indexOf('"', j + 1);
                return close < 0 ? value.substring(j + 1) : value.substring(j + 1, close);
            }
            int k = j;
            while (k < value.length() && value.charAt(k) != ';' && value.charAt(k) != ' ') k++;
            return value.substring(j, k);
        }
    }
}
