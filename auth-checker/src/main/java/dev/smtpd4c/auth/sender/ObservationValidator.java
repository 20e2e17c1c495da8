package dev.smtpd4c.auth.sender;

import com.google.common.net.InetAddresses;
import dev.smtpd4c.auth.rest.ProblemException;
import java.net.IDN;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises observation fields the way registrations are normalised, so the two compare. */
public final class ObservationValidator {

    public static final Pattern STREAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    private static final long MAX_MESSAGES = 1_000_000_000L;

    private ObservationValidator() {}

    /** Null stays null (stream not known); anything else must look like a registered stream name. */
    public static String stream(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (!STREAM.matcher(s).matches()) {
            throw invalid(field + " '" + shorten(s) + "' must be lower-case letters, digits and '-' (at most 50)");
        }
        return s;
    }

    public static String domain(String field, String value) {
        String d = value == null ? "" : value.strip();
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            d = "";
        }
        if (!DOMAIN.matcher(d).matches()) {
            throw invalid(field + " '" + shorten(value) + "' is not a domain name with at least two labels");
        }
        return d;
    }

    public static String ip(String field, String value) {
        String s = value == null ? "" : value.strip();
        if (!InetAddresses.isInetAddress(s)) {
            throw invalid(field + " '" + shorten(value) + "' is not an IPv4 or IPv6 address");
        }
        return InetAddresses.toAddrString(InetAddresses.forString(s));
    }

    static Instant seenAt(String field, Instant value, Instant now) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now.plus(MAX_FUTURE))) {
            throw invalid(field + " " + value + " is in the future");
        }
        return value.isAfter(now) ? now : value;
    }

    static long messages(String field, Long value) {
        if (value == null) {
            return 1;
        }
        if (value < 1 || value > MAX_MESSAGES) {
            throw invalid(field + " must be between 1 and " + MAX_MESSAGES + ", got " + value);
        }
        return value;
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-observation", "Invalid sender observation", detail);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
