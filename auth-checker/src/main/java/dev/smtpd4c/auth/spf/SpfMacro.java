package dev.smtpd4c.auth.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Macro-string syntax check and expansion (RFC 7208 section 7). Both are single left-to-right
 * passes, so hostile records cost linear time.
 */
public final class SpfMacro {

    private static final String DOMAIN_LETTERS = "slodiphv";
    private static final String EXPLANATION_LETTERS = "slodiphvcrt";
    private static final String DELIMITERS = ".-+,/_=";
    /** RFC 7208 asks for at least 127; more parts than labels in a name are never useful. */
    private static final int MAX_DIGITS = 3;

    private SpfMacro() {}

    /**
     * Checks a macro-string. {@code explanation} allows the exp-only letters c, r and t and also
     * spaces (explanation TXT text is a macro-string where SP is a literal).
     */
    public static void validate(String s, boolean explanation, int basePosition) throws SpfSyntaxException {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                i = validateMacro(s, i, explanation, basePosition);
            } else if (isLiteral(c) || (explanation && c == ' ')) {
                i++;
            } else {
                throw new SpfSyntaxException("invalid character 0x" + Integer.toHexString(c), basePosition + i);
            }
        }
    }

    private static boolean isLiteral(char c) {
        return c >= 0x21 && c <= 0x7e && c != '%';
    }

    private static int validateMacro(String s, int at, boolean explanation, int base) throws SpfSyntaxException {
        if (at + 1 >= s.length()) {
            throw new SpfSyntaxException("'%' at end of macro-string", base + at);
        }
        char next = s.charAt(at + 1);
        if (next == '%' || next == '_' || next == '-') {
            return at + 2;
        }
        if (next != '{') {
            throw new SpfSyntaxException("'%' must be followed by '{', '%', '_' or '-'", base + at);
        }
        int i = at + 2;
        if (i >= s.length()) {
            throw new SpfSyntaxException("unterminated macro", base + at);
        }
        char letter = Character.toLowerCase(s.charAt(i));
        String allowed = explanation ? EXPLANATION_LETTERS : DOMAIN_LETTERS;
        if (allowed.indexOf(letter) < 0 || s.charAt(i) > 0x7e) {
            throw new SpfSyntaxException("unknown macro letter '" + s.charAt(i) + "'", base + i);
        }
        i++;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits > MAX_DIGITS) {
            throw new SpfSyntaxException("macro transformer too long", base + i);
        }
        if (digits > 0 && Integer.parseInt(s.substring(i - digits, i)) == 0) {
            throw new SpfSyntaxException("macro transformer 0", base + i - digits);
        }
        if (i < s.length() && (s.charAt(i) == 'r' || s.charAt(i) == 'R')) {
            i++;
        }
        while (i < s.length() && DELIMITERS.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '}') {
            throw new SpfSyntaxException("malformed macro", base + at);
        }
        return i + 1;
    }

    /** Expands a macro-string that {@link #validate} accepted. */
    public static String expand(String s, MacroContext ctx, boolean explanation) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            char next = s.charAt(i + 1);
            if (next == '%') {
                out.append('%');
                i += 2;
            } else if (next == '_') {
                out.append(' ');
                i += 2;
            } else if (next == '-') {
                out.append("%20");
                i += 2;
            } else {
                int close = s.indexOf('}', i);
                out.append(expandOne(s.substring(i + 2, close), ctx));
                i = close + 1;
            }
        }
        return out.toString();
    }

    private static String expandOne(String body, MacroContext ctx) {
        char letter = body.charAt(0);
        String value = value(Character.toLowerCase(letter), ctx);
        int i = 1;
        int keep = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            keep = keep * 10 + (body.charAt(i++) - '0');
        }
        boolean reverse = false;
        if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
            reverse = true;
            i++;
        }
        String delimiters = i < body.length() ? body.substring(i) : ".";
        List<String> parts = split(value, delimiters);
        if (reverse) {
            java.util.Collections.reverse(parts);
        }
        if (keep > 0 && keep < parts.size()) {
            parts = parts.subList(parts.size() - keep, parts.size());
        }
        String joined = String.join(".", parts);
        return Character.isUpperCase(letter) ? urlEscape(joined) : joined;
    }

    private static List<String> split(String value, String delimiters) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static String value(char letter, MacroContext ctx) {
        return switch (letter) {
            case 's' -> ctx.sender();
            case 'l' -> ctx.localPart();
            case 'o' -> ctx.senderDomain();
            case 'd' -> ctx.domain();
            case 'i' -> ctx.ip().macroForm();
            case 'p' -> ctx.validatedName().apply(ctx.domain());
            case 'v' -> ctx.ip().isV4() ? "in-addr" : "ip6";
            case 'h' -> ctx.helo();
            case 'c' -> ctx.ip().toString();
            case 'r' -> ctx.receiver();
            case 't' -> Long.toString(ctx.timestamp());
            default -> throw new IllegalArgumentException("letter not validated: " + letter);
        };
    }

    /** Percent-encodes everything outside the RFC 3986 unreserved set (section 7.3). */
    static String urlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
