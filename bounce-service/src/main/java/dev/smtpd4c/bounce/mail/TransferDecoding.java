package dev.smtpd4c.bounce.mail;

/** Lenient quoted-printable and base64 decoders over byte strings: bad input is kept or skipped, never thrown. */
public final class TransferDecoding {
    private TransferDecoding() {}

    public static String apply(String encoding, String body) {
        String e = Text.lower(encoding).trim();
        if (e.equals("base64")) return base64(body);
        if (e.equals("quoted-printable")) return quotedPrintable(body, false);
        return body;
    }

    public static String quotedPrintable(String s, boolean inHeader) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '=') { out.append(c); continue; }
            if (i + 1 < n && s.charAt(i + 1) == '\n') { i++; continue; } // soft line break
            int j = i + 1;
            while (!inHeader && j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
            if (j < n && s.charAt(j) == '\n') { i = j; continue; } // soft break with trailing blanks
            if (i + 2 < n) {
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) { out.append((char) (hi * 16 + lo)); i += 2; continue; }
            }
            out.append(c);
        }
        return out.toString();
    }

    public static String base64(String s) {
        StringBuilder out = new StringBuilder(s.length() * 3 / 4 + 3);
        int acc = 0, bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = value(s.charAt(i));
            if (v < 0) {
                if (s.charAt(i) == '=') { acc = 0; bits = 0; } // padding ends a quantum
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.append((char) ((acc >> bits) & 0xff));
            }
        }
        return out.toString();
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    }
}
