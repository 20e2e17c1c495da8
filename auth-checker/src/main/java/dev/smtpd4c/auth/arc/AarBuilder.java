package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.message.HeaderField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the ARC-Authentication-Results value (RFC 8617 4.1.1): "i=N; " followed by the
 * authserv-id and the results of every Authentication-Results field this server wrote,
 * merged into one list. Fields of other authserv-ids are someone else's claims and are left out.
 */
final class AarBuilder {

    private AarBuilder() {}

    static String value(int instance, String authServId, List<HeaderField> headers) {
        List<String> results = new ArrayList<>();
        for (HeaderField h : headers) {
            if (!h.hasName("Authentication-Results")) {
                continue;
            }
            String v = h.rawValue().strip();
            int semi = v.indexOf(';');
            String id = (semi < 0 ? v : v.substring(0, semi)).strip();
            // The authserv-id may be followed by a version number ("example.org 1").
            int space = id.indexOf(' ');
            id = space < 0 ? id : id.substring(0, space);
            if (!id.toLowerCase(Locale.ROOT).equals(authServId.toLowerCase(Locale.ROOT)) || semi < 0) {
                continue;
            }
            String payload = stripTrailingSemicolon(v.substring(semi + 1).strip());
            if (!payload.isEmpty()) {
                results.add(payload);
            }
        }
        String merged = results.isEmpty() ? "none" : String.join(";\r\n\t", results);
        return " i=" + instance + "; " + authServId + "; " + merged;
    }

    private static String stripTrailingSemicolon(String s) {
        String t = s;
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
