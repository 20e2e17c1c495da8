package dev.smtpd4c.auth.domain;

import com.google.common.net.InetAddresses;
import dev.smtpd4c.auth.rest.ProblemException;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises a registration; every problem is a 400 the caller can fix, naming the field. */
final class RegistrationValidator {

    static final int MAX_ITEMS = 50;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,62})");
    private static final Pattern STREAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private RegistrationValidator() {}

    /** Lower-case A-label form of a domain name with at least two labels, or a 400. */
    static String domain(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        String d = value.strip();
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " '" + value + "' is not a domain name: " + e.getMessage());
        }
        String[] labels = d.split("\\.", -1);
        if (d.length() > 253 || labels.length < 2) {
            throw invalid(field + " '" + value + "' is not a domain name with at least two labels");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(field + " '" + value + "' has an invalid label '" + label + "'");
            }
        }
        return d;
    }

    static List<String> selectors(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String s : items("dkimSelectors", values)) {
            if (!SELECTOR.matcher(s).matches()) {
                throw invalid("dkimSelectors: '" + s + "' is not a DKIM selector (letters, digits, '.', '-', '_')");
            }
            out.add(s);
        }
        return out;
    }

    static List<String> ips(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String s : items("sendingIps", values)) {
            if (!InetAddresses.isInetAddress(s)) {
                throw invalid("sendingIps: '" + s + "' is not an IPv4 or IPv6 address");
            }
            out.add(InetAddresses.toAddrString(InetAddresses.forString(s)));
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    static List<String> domains(List<String> values) {
        return items("fromDomains", values).stream().map(d -> domain("fromDomains", d)).distinct().toList();
    }

    static List<String> streams(List<String> values) {
        for (String s : items("streams", values)) {
            if (!STREAM.matcher(s).matches()) {
                throw invalid("streams: '" + s + "' must be lower-case letters, digits and '-'");
            }
        }
        return items("streams", values);
    }

    private static List<String> items(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ITEMS) {
            throw invalid(field + " has " + values.size() + " entries; at most " + MAX_ITEMS);
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw invalid(field + " contains an empty entry");
            }
            out.add(v.strip());
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-registration", "Invalid domain registration", detail);
    }
}
