package dev.smtpd4c.bounce.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A flat, linear reading of JSON: every "key": "string" (and each string element of a keyed
 * array) in document order. Enough for SES notifications without a JSON library in the core.
 */
final class JsonPairs {
    static final int MAX_PAIRS = 5000;

    private JsonPairs() {}

    static List<String[]> read(String s) {
        List<String[]> out = new ArrayList<>();
        String lastKey = "";
        int i = 0, n = s.length();
        boolean inArray = false;
        while (i < n && out.size() < MAX_PAIRS) {
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i = string(s, i + 1, sb);
                int j = i;
                while (j < n && Character.isWhitespace(s.charAt(j))) j++;
                if (j < n && s.charAt(j) == ':') { lastKey = sb.toString(); i = j + 1; inArray = false; continue; }
                out.add(new String[] {lastKey, sb.toString()});
                continue;
            }
            if (c == '[') inArray = true;
            else if (c == '{' && inArray) inArray = false;
            i++;
        }
        return out;
    }

    /** Reads a JSON string body from i (after the opening quote); returns the index after the closing quote. */
    private static int string(String s, int i, StringBuilder sb) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i++);
            if (c == '"') return i;
            if (c != '\\' || i >= n) { sb.append(c); continue; }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    if (i + 4 <= n) {
                        try { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); } catch (NumberFormatException x) { sb.append('?'); }
                        i += 4;
                    }
                }
                default -> sb.append(e);
            }
        }
        return n;
    }

    static String first(List<String[]> kv, String key) {
        for (String[] p : kv) if (p[0].equals(key)) return p[1];
        return "";
    }
}
