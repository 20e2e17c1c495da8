package dev.smtpd4c.bounce.mail;

import java.util.ArrayList;
import java.util.List;

/** Splits a normalized byte string holding several mbox messages at its "From " separator lines. */
public final class Mbox {
    static final int MAX_MESSAGES = 10_000;

    private Mbox() {}

    /** The messages of an mbox file, or the whole text as one message when it is not one. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (!s.startsWith("From ")) return List.of(s);
        int start = 0;
        int i = s.indexOf('\n');
        while (i >= 0 && i < s.length() && out.size() < MAX_MESSAGES) {
            int next = i + 1;
            // A separator is a "From " line after a blank line and followed by a header line.
            if (s.startsWith("From ", next) && i > 0 && s.charAt(i - 1) == '\n' && looksLikeSeparator(s, next)) {
                out.add(s.substring(start, next));
                start = next;
            }
            i = s.indexOf('\n', next);
        }
        out.add(s.substring(start));
        return out;
    }

    private static boolean looksLikeSeparator(String s, int at) {
        int eol = s.indexOf('\n', at);
        if (eol < 0) return false;
        int eol2 = s.indexOf('\n', eol + 1);
        String next = s.substring(eol + 1, eol2 < 0 ? s.length() : eol2);
        int colon = next.indexOf(':');
        return colon > 0 && next.indexOf(' ') > colon || (colon > 0 && next.indexOf(' ') < 0);
    }
}
