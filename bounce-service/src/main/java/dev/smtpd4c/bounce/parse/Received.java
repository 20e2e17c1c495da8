package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.Headers;

/** Host names from Received fields, used as the reporting MTA when a format does not name one. */
final class Received {
    private Received() {}

    /** The "by" host of the newest Received field: the host that wrote the bounce. */
    static String reportingHost(Headers h) {
        String r = h.get("Received");
        int by = indexOfWord(r, "by ");
        if (by < 0) return "";
        int s = by + 3, e = s;
        while (e < r.length() && e - s < 255 && !Character.isWhitespace(r.charAt(e)) && r.charAt(e) != ';' && r.charAt(e) != '(') e++;
        return r.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    }

    private static int indexOfWord(String s, String w) {
        int at = s.indexOf(w);
        while (at > 0 && !Character.isWhitespace(s.charAt(at - 1))) at = s.indexOf(w, at + 1);
        return at;
    }
}
