package dev.smtpd4c.auth.dkim;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Validators for tag values shared by DKIM-Signature, key records and the ARC fields. */
public final class TagValues {

    private TagValues() {}

    /** Decodes a base64 value ignoring folding whitespace; null if empty or not base64. */
    public static byte[] base64(Tag tag) {
        String compact = tag.compactValue();
        if (compact.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A decimal integer of at most maxDigits digits, or -1. Whitespace is not allowed. Values
     * past the range of a long saturate at Long.MAX_VALUE (l= may have 76 digits).
     */
    public static long decimal(String value, int maxDigits) {
        if (value.isEmpty() || value.length() > maxDigits) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * A DNS domain name as RFC 6376 uses it (d=, the domain of i=): LDH labels of 1-63 chars.
     * Underscores are accepted because selectors and some real-world names use them.
     */
    public static boolean domainName(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        int labelLength = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_') {
                if (++labelLength > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return labelLength > 0;
    }

    /** Colon-separated list, each element stripped of folding whitespace; empty elements kept out. */
    public static List<String> colonList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(":", -1)) {
            String p = part.replace("\r\n", "").strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
