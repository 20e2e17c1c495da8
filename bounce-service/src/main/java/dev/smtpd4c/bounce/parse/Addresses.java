package dev.smtpd4c.bounce.parse;

import java.util.Locale;

/** E-mail address spotting and normalization by hand scanning (no regular expressions on unbounded text). */
public final class Addresses {
    private Addresses() {}

    /** "<A@B>", "rfc822; a@b", "\"a@b\"", "a@b<mailto:a@b>" all give "a@b". */
    public static String normalize(String v) {
        String a = find(v == null ? "" : v);
        return a.isEmpty() ? (v == null ? "" : v.trim()) : a;
    }

    /** The first address-looking token in the text, lower case, or "". */
    public static String find(String s) { return findExcept(s, java.util.Set.of()); }

    /** The first address-looking token in the text that is not in {@code skip} (lower case), or "". */
    public static String findExcept(String s, java.util.Set<String> skip) {
        int from = 0;
        while (true) {
            int at = s.indexOf('@', from);
            if (at < 0) return "";
            int l = at, r = at + 1;
            while (l > 0 && l > at - 256 && isLocal(s.charAt(l - 1))) l--;
            while (r < s.length() && r < at + 256 && isDomain(s.charAt(r))) r++;
            while (r > at + 1 && (s.charAt(r - 1) == '.' || s.charAt(r - 1) == '-')) r--;
            String domain = s.substring(at + 1, r);
            if (l < at && domain.length() > 0 && (domain.indexOf('.') > 0 || domain.equalsIgnoreCase("localhost"))) {
                String a = (s.substring(l, at) + "@" + domain).toLowerCase(Locale.ROOT);
                if (!skip.contains(a)) return a;
            }
            from = at + 1;
        }
    }

    private static boolean isLocal(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0);
    }

    private static boolean isDomain(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '[' || c == ']');
    }

    /**
     * The recipient a VERP return path encodes: {@code bounces+alice=example.org@sender.example}
     * gives alice@example.org; "" when the address is not of that shape.
     */
    public static String verpRecipient(String returnPath) {
        String a = find(returnPath);
        int plus = a.indexOf('+'), at = a.lastIndexOf('@');
        if (plus < 0 || at < plus) return "";
        String local = a.substring(plus + 1, at);
        int eq = local.lastIndexOf('=');
        if (eq <= 0 || eq == local.length() - 1) return "";
        return local.substring(0, eq) + "@" + local.substring(eq + 1);
    }
}
