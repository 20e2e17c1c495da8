package dev.smtpd4c.bounce.mail;

import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Byte and line-ending helpers. The reader works on a "byte string": each byte is one char
 * (ISO-8859-1), so no information is lost before a part's charset is known, and every later
 * step is plain, linear String scanning.
 */
public final class Text {
    private Text() {}

    /** Bytes to a byte string with every line ending (CRLF, LF, CR, and the broken CR CR LF) turned into LF. */
    public static String normalize(byte[] bytes, int limit) {
        int n = Math.min(bytes.length, limit);
        int cr = 0;
        while (cr < n && bytes[cr] != '\r') cr++;
        // Most files are LF already: one bulk copy, no per-byte stores.
        if (cr == n) return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        byte[] out = new byte[n]; // byte to byte: a char-by-char StringBuilder is several times slower
        System.arraycopy(bytes, 0, out, 0, cr);
        int o = cr;
        for (int i = cr; i < n; i++) {
            byte c = bytes[i];
            if (c != '\r') { out[o++] = c; continue; }
            // CR LF and CR CR LF (seen in relayed DSNs) are one line break; a lone CR is one too.
            if (i + 1 < n && bytes[i + 1] == '\n') i++;
            else if (i + 2 < n && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') i += 2;
            out[o++] = '\n';
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    /** Re-reads a byte string in the given charset; unknown or broken charsets fall back to UTF-8, then Latin-1. */
    public static String decode(String byteString, String charset) {
        if (isAscii(byteString)) return byteString;
        byte[] b = byteString.getBytes(StandardCharsets.ISO_8859_1);
        Charset cs = charset(charset);
        if (cs != null) return cs.decode(java.nio.ByteBuffer.wrap(b)).toString();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return byteString;
        }
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) return null;
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("us-ascii") || n.equals("ascii")) return null; // 8-bit text labelled ASCII is usually UTF-8
        if (n.equals("utf8") || n.equals("uft-8")) n = "utf-8";
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) { // IllegalCharsetName, UnsupportedCharset
            return null;
        }
    }

    static boolean isAscii(String s) {
        // A bulk copy and a byte loop: far cheaper than charAt per char before the JIT's last tier.
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c < 0 || c == 0x1b) return false;
            if (c == '?' && s.charAt(i) != '?') return false; // a char beyond Latin-1, replaced by the copy
        }
        return true;
    }

    /** Collapses runs of white space to one space and trims; used for diagnostic codes. */
    public static String squeeze(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { space = sb.length() > 0; continue; }
            if (space) sb.append(' ');
            space = false;
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Lower case that keeps the length, so offsets found in the lower-case copy are offsets in the
     * original ("İ" would otherwise become two chars).
     */
    public static String lower(String s) {
        if (s == null) return "";
        String l = lowerLatin1(s);
        if (l != null) return l;
        l = s.toLowerCase(Locale.ROOT);
        if (l.length() == s.length()) return l;
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
        return new String(c);
    }

    /** Exactly {@code s.toLowerCase(Locale.ROOT)}, by a byte loop when s is Latin-1 text. */
    static String lowerRoot(String s) {
        String l = lowerLatin1(s);
        return l != null ? l : s.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code s.toLowerCase(Locale.ROOT)} for text of Latin-1 chars only (every byte string), by a
     * byte loop; null when {@code s} holds a char beyond Latin-1. In Latin-1 only A-Z and
     * U+00C0-U+00DE (but U+00D7) have lower cases, each 32 above.
     */
    private static String lowerLatin1(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        boolean changed = false;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 0xc0 && c <= 0xde && c != 0xd7) {
                b[i] = (byte) (c + 32);
                changed = true;
            } else if (c == '?' && s.charAt(i) != '?') {
                return null; // a char beyond Latin-1, replaced by the copy
            }
        }
        return changed ? new String(b, StandardCharsets.ISO_8859_1) : s;
    }
}
