package dev.smtpd4c.bounce.mail;

/** Crude HTML-to-text for HTML-only bounces: drops tags and a few entities, keeps line structure. */
final class Html {
    private Html() {}

    static String toText(String html) {
        StringBuilder sb = new StringBuilder(html.length());
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) break;
                String tag = html.substring(i + 1, Math.min(close, i + 4)).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("br") || tag.startsWith("p") || tag.startsWith("/p") || tag.startsWith("div")
                        || tag.startsWith("tr") || tag.startsWith("li")) sb.append('\n');
                i = close;
            } else if (c == '&') {
                int semi = semicolon(html, i + 1, Math.min(n, i + 8)); // a bounded look: "&&&..." stays linear
                if (semi > i) {
                    String e = html.substring(i + 1, semi);
                    sb.append(switch (e) { case "lt" -> "<"; case "gt" -> ">"; case "amp" -> "&"; case "quot" -> "\"";
                        case "nbsp" -> " "; default -> " "; });
                    i = semi;
                } else sb.append(c);
            } else sb.append(c);
        }
        return sb.toString();
    }

    /** Index of the first ';' in [from, to), or -1. */
    private static int semicolon(String s, int from, int to) {
        for (int j = from; j < to; j++) if (s.charAt(j) == ';') return j;
        return -1;
    }
}
