package dev.smtpd4c.optin.address;

import dev.smtpd4c.optin.subscription.EmailAddress;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Mailbox syntax of RFC 5321 4.1.2 (the envelope form, which is what a relay will accept), with the
 * UTF-8 local parts of RFC 6531 (SMTPUTF8) and internationalised domains converted to A-labels
 * (java.net.IDN, IDNA 2003 with STD3 rules). No comments or folding white space (RFC 5322 CFWS),
 * and no obsolete forms: no relay takes them in RCPT TO. IP literals are recognised and refused.
 *
 * <p>Every check is one pass over input capped at {@link #MAX_INPUT_CHARS}, so hostile input costs
 * linear time and never throws.
 *
 * <p>Normal form: quotes dropped when the quoted text is a dot-atom anyway ({@code "joe"@x} is
 * {@code joe@x}, RFC 5321 4.1.2), other quoted parts re-quoted with only {@code "} and {@code \}
 * escaped, non-ASCII in NFC (RFC 6532 3.1), everything lower-cased (see {@link EmailAddress}).
 */
public final class AddressSyntax {

    /** RFC 5321 4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
    public static final int MAX_ADDRESS_OCTETS = 254;
    public static final int MAX_LOCAL_OCTETS = 64;
    public static final int MAX_DOMAIN_OCTETS = 253;
    public static final int MAX_LABEL_OCTETS = 63;
    /** Longer input is refused before it is looked at. */
    public static final int MAX_INPUT_CHARS = 1024;

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private AddressSyntax() {}

    public static SyntaxResult check(String raw) {
        if (raw == null || raw.isBlank()) {
            return SyntaxResult.invalid(AddressProblem.EMPTY);
        }
        if (raw.length() > MAX_INPUT_CHARS) {
            return SyntaxResult.invalid(AddressProblem.TOO_LONG);
        }
        String s = raw.strip();
        String local;
        int at;
        if (s.charAt(0) == '"') {
            StringBuilder content = new StringBuilder();
            at = quotedEnd(s, content);
            if (at < 0) {
                return SyntaxResult.invalid(AddressProblem.LOCAL_PART_SYNTAX);
            }
            if (at >= s.length() || s.charAt(at) != '@') {
                return SyntaxResult.invalid(at >= s.length() ? AddressProblem.NO_AT : AddressProblem.LOCAL_PART_SYNTAX);
            }
            if (content.isEmpty()) {
                return SyntaxResult.invalid(AddressProblem.LOCAL_PART_EMPTY);
            }
            String text = normaliseText(content.toString());
            local = isDotAtom(text) ? text : requote(text);
        } else {
            at = s.indexOf('@');
            if (at < 0) {
                return SyntaxResult.invalid(AddressProblem.NO_AT);
            }
            if (at == 0) {
                return SyntaxResult.invalid(AddressProblem.LOCAL_PART_EMPTY);
            }
            local = normaliseText(s.substring(0, at));
            if (!isDotAtom(local)) {
                return SyntaxResult.invalid(AddressProblem.LOCAL_PART_SYNTAX);
            }
        }
        int localOctets = local.getBytes(StandardCharsets.UTF_8).length;
        if (localOctets > MAX_LOCAL_OCTETS) {
            return SyntaxResult.invalid(AddressProblem.LOCAL_PART_TOO_LONG);
        }
        DomainResult domain = domain(s.substring(at + 1));
        if (domain.problem != null) {
            return SyntaxResult.invalid(domain.problem);
        }
        if (localOctets + 1 + domain.ace.length() > MAX_ADDRESS_OCTETS) {
            return SyntaxResult.invalid(AddressProblem.TOO_LONG);
        }
        boolean smtpUtf8 = localOctets != local.length();
        return SyntaxResult.valid(new EmailAddress(local, domain.ace), smtpUtf8);
    }

    /**
     * Reads the quoted string at the start of {@code s} into {@code content} (escapes removed);
     * returns the index after the closing quote, or -1 when it is malformed.
     */
    private static int quotedEnd(String s, StringBuilder content) {
        int i = 1;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '"') {
                return i + 1;
            }
            if (cp == '\\') {
                if (i + 1 >= s.length()) {
                    return -1;
                }
                char next = s.charAt(i + 1);
                if (next < 32 || next > 126) {
                    return -1; // quoted-pairSMTP: backslash + printable ASCII or space
                }
                content.append(next);
                i += 2;
                continue;
            }
            boolean qtext = cp == 32 || cp == 33 || (cp >= 35 && cp <= 91) || (cp >= 93 && cp <= 126) || utf8NonAscii(cp);
            if (!qtext) {
                return -1;
            }
            content.appendCodePoint(cp);
            i += width;
        }
        return -1;
    }

    private static String normaliseText(String text) {
        String nfc = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.toLowerCase(Locale.ROOT);
    }

    /** RFC 5322 dot-atom-text with RFC 6532 UTF8-non-ascii in atext. */
    static boolean isDotAtom(String s) {
        if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == '.') {
                if (previous == '.') {
                    return false;
                }
            } else if (!isAtext(cp)) {
                return false;
            }
            previous = (char) (cp == '.' ? '.' : 'a');
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isAtext(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || ATEXT_SPECIALS.indexOf(cp) >= 0;
        }
        return utf8NonAscii(cp);
    }

    /** A printable non-ASCII character: no controls, separators, unpaired surrogates or unassigned code points. */
    private static boolean utf8NonAscii(int cp) {
        if (cp < 0xA0) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.SURROGATE, Character.UNASSIGNED, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String requote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private record DomainResult(String ace, AddressProblem problem) {}

    private static DomainResult domain(String d) {
        if (d.isEmpty()) {
            return new DomainResult(null, AddressProblem.DOMAIN_EMPTY);
        }
        if (d.charAt(0) == '[') {
            return new DomainResult(null, AddressProblem.ADDRESS_LITERAL);
        }
        if (d.length() > MAX_DOMAIN_OCTETS) {
            return new DomainResult(null, AddressProblem.DOMAIN_TOO_LONG);
        }
        if (d.indexOf('@') >= 0) {
            return new DomainResult(null, AddressProblem.DOMAIN_SYNTAX);
        }
        String ace;
        if (isAscii(d)) {
            ace = d.toLowerCase(Locale.ROOT);
        } else {
            try {
                ace = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return new DomainResult(null, AddressProblem.DOMAIN_SYNTAX);
            }
        }
        if (ace.length() > MAX_DOMAIN_OCTETS) {
            return new DomainResult(null, AddressProblem.DOMAIN_TOO_LONG);
        }
        AddressProblem labels = checkLabels(ace);
        return labels == null ? new DomainResult(ace, null) : new DomainResult(null, labels);
    }

    /** LDH labels of 1..63 octets, no hyphen at either end, at least two labels, a TLD not all digits. */
    private static AddressProblem checkLabels(String ace) {
        int labelStart = 0;
        int labels = 0;
        boolean allDigits = true;
        for (int i = 0; i <= ace.length(); i++) {
            char c = i < ace.length() ? ace.charAt(i) : '.';
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > MAX_LABEL_OCTETS || ace.charAt(labelStart) == '-' || ace.charAt(i - 1) == '-') {
                    return AddressProblem.DOMAIN_SYNTAX;
                }
                labels++;
                if (i < ace.length()) {
                    labelStart = i + 1;
                    allDigits = true;
                }
                continue;
            }
            boolean digit = c >= '0' && c <= '9';
            if (!(digit || (c >= 'a' && c <= 'z') || c == '-')) {
                return AddressProblem.DOMAIN_SYNTAX;
            }
            allDigits &= digit;
        }
        if (labels < 2) {
            return AddressProblem.NO_TOP_LEVEL_DOMAIN;
        }
        return allDigits ? AddressProblem.DOMAIN_SYNTAX : null; // "1.2.3.4" is an IP address, not a domain
    }
}
