package dev.smtpd4c.auth.arc;

/**
 * Reads the instance of an ARC-Authentication-Results field, which RFC 8617 4.1.1 fixes as
 * the leading "i=N;" before the authserv-id. Anything else (i= later on, no semicolon) is not
 * an instance tag, and the set it was meant for is incomplete.
 */
final class AarInstance {

    private AarInstance() {}

    /** The instance, or -1. */
    static int parse(String rawValue) {
        int p = skipWsp(rawValue, 0);
        if (p >= rawValue.length() || rawValue.charAt(p) != 'i') {
            return -1;
        }
        p = skipWsp(rawValue, p + 1);
        if (p >= rawValue.length() || rawValue.charAt(p) != '=') {
            return -1;
        }
        p = skipWsp(rawValue, p + 1);
        int start = p;
        int n = 0;
        while (p < rawValue.length() && Character.isDigit(rawValue.charAt(p)) && rawValue.charAt(p) < 128) {
            n = n * 10 + (rawValue.charAt(p) - '0');
            p++;
            if (p - start > 2) {
                return -1;
            }
        }
        if (p == start) {
            return -1;
        }
        p = skipWsp(rawValue, p);
        return p < rawValue.length() && rawValue.charAt(p) == ';' ? n : -1;
    }

    private static int skipWsp(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }
}
