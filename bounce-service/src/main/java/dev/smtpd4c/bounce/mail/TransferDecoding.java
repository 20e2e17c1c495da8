package dev.smtpd4c.bounce.mail;

import java.nio.charset.StandardCharsets;

/**
 * Lenient quoted-printable and base64 decoders over byte strings: bad input is kept or skipped,
 * never thrown. They read a slice of the message in place and write bytes into one array (both
 * decoders only ever shorten their input), with table look-ups for the alphabets.
 */
public final class TransferDecoding {
    private TransferDecoding() {}

    /** Base64 value of an ASCII char (both alphabets: + or -, / or _), -1 otherwise. */
    private static final byte[] BASE64 = new byte[128];
    /** Hex value of an ASCII char, -1 otherwise. */
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(BASE64, (byte) -1);
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 26; i++) { BASE64['A' + i] = (byte) i; BASE64['a' + i] = (byte) (26 + i); }
        for (int i = 0; i < 10; i++) { BASE64['0' + i] = (byte) (52 + i); HEX['0' + i] = (byte) i; }
        BASE64['+'] = BASE64['-'] = 62;
        BASE64['/'] = BASE64['_'] = 63;
        for (int i = 0; i < 6; i++) { HEX['a' + i] = (byte) (10 + i); HEX['A' + i] = (byte) (10 + i); }
    }

    public static String apply(String encoding, String body) { return apply(encoding, body, 0, body.length()); }

    /** The slice {@code s[from, to)} transfer-decoded by the named encoding (anything unknown is kept as is). */
    static String apply(String encoding, String s, int from, int to) {
        if (is(encoding, "base64")) return base64(s, from, to);
        if (is(encoding, "quoted-printable")) return quotedPrintable(s, from, to, false);
        return s.substring(from, to);
    }

    /** True when the encoding changes the body (base64, quoted-printable); 7bit, 8bit, binary and unknown ones keep it. */
    static boolean transforms(String encoding) { return is(encoding, "base64") || is(encoding, "quoted-printable"); }

    /** Same as {@code Text.lower(v).trim().equals(word)} for an ASCII word, without the copies. */
    private static boolean is(String v, String word) {
        int a = 0, b = v.length();
        while (a < b && v.charAt(a) <= ' ') a++;
        while (b > a && v.charAt(b - 1) <= ' ') b--;
        if (b - a != word.length()) return false;
        for (int i = 0; i < word.length(); i++) if (Character.toLowerCase(v.charAt(a + i)) != word.charAt(i)) return false;
        return true;
    }

    public static String quotedPrintable(String s, boolean inHeader) { return quotedPrintable(s, 0, s.length(), inHeader); }

    private static String quotedPrintable(String s, int from, int n, boolean inHeader) {
        byte[] out = new byte[n - from];
        int o = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c != '=') {
                if (c > 0xff) return quotedPrintableWide(s, from, n, inHeader); // not a byte string
                out[o++] = (byte) c;
                continue;
            }
            if (i + 1 < n && s.charAt(i + 1) == '\n') { i++; continue; } // soft line break
            int j = i + 1;
            while (!inHeader && j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
            if (j < n && s.charAt(j) == '\n') { i = j; continue; } // soft break with trailing blanks
            if (i + 2 < n) {
                int hi = hex(s.charAt(i + 1)), lo = hex(s.charAt(i + 2));
                if (hi >= 0 && lo >= 0) { out[o++] = (byte) (hi * 16 + lo); i += 2; continue; }
            }
            out[o++] = '=';
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    private static int hex(char c) { return c < 128 ? HEX[c] : Character.digit(c, 16); }

    /** The same decoding for text that holds chars beyond one byte (an RFC 2047 word in decoded text). */
    private static String quotedPrintableWide(String s, int from, int n, boolean inHeader) {
        StringBuilder out = new StringBuilder(n - from);
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c != '=') { out.append(c); continue; }
            if (i + 1 < n && s.charAt(i + 1) == '\n') { i++; continue; }
            int j = i + 1;
            while (!inHeader && j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
            if (j < n && s.charAt(j) == '\n') { i = j; continue; }
            if (i + 2 < n) {
                int hi = hex(s.charAt(i + 1)), lo = hex(s.charAt(i + 2));
                if (hi >= 0 && lo >= 0) { out.append((char) (hi * 16 + lo)); i += 2; continue; }
            }
            out.append(c);
        }
        return out.toString();
    }

    public static String base64(String s) { return base64(s, 0, s.length()); }

    private static String base64(String s, int from, int to) {
        byte[] out = new byte[(to - from) * 3 / 4 + 3];
        int o = 0;
        int acc = 0, bits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? BASE64[c] : -1;
            if (v < 0) {
                if (c == '=') { acc = 0; bits = 0; } // padding ends a quantum
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
            }
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }
}
