package dev.smtpd4c.auth.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An MTA-STS policy file (RFC 8461 3.2): "key: value" lines, version STSv1, mode, max_age and
 * one or more mx patterns ("mail.example.com" or "*.example.com", the wildcard one label only).
 */
public record MtaStsPolicy(String mode, long maxAge, List<String> mx) {

    /** RFC 8461 3.2: max_age up to 31557600 seconds (one year). */
    static final long MAX_AGE_LIMIT = 31_557_600L;

    public sealed interface Parsed {
        record Ok(MtaStsPolicy policy) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    public static Parsed parse(String text) {
        String version = null;
        String mode = null;
        Long maxAge = null;
        List<String> mx = new ArrayList<>();
        for (String line : text.split("\r?\n", 200)) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return new Parsed.Invalid("line '" + line.strip() + "' is not 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "version" -> version = version == null ? value : version;
                case "mode" -> mode = mode == null ? value : mode;
                case "max_age" -> {
                    if (maxAge == null) {
                        try {
                            maxAge = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            return new Parsed.Invalid("max_age '" + value + "' is not a number");
                        }
                    }
                }
                case "mx" -> mx.add(value.toLowerCase(Locale.ROOT));
                default -> { } // unknown keys are ignored (3.2)
            }
        }
        if (!"STSv1".equals(version)) {
            return new Parsed.Invalid("version must be STSv1, got " + (version == null ? "none" : version));
        }
        if (mode == null || !List.of("enforce", "testing", "none").contains(mode)) {
            return new Parsed.Invalid("mode must be enforce, testing or none, got " + (mode == null ? "none" : mode));
        }
        if (maxAge == null || maxAge < 0 || maxAge > MAX_AGE_LIMIT) {
            return new Parsed.Invalid("max_age must be 0.." + MAX_AGE_LIMIT + " seconds");
        }
        if (mx.isEmpty() && !mode.equals("none")) {
            return new Parsed.Invalid("no mx: line; in " + mode + " mode the policy must list the MX hosts");
        }
        return new Parsed.Ok(new MtaStsPolicy(mode, maxAge, List.copyOf(mx)));
    }

    /** RFC 8461 4.1: exact match, or "*." matching exactly one leftmost label. */
    public boolean allows(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String pattern : mx) {
            if (pattern.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot + 1).equals(pattern.substring(2))) {
                    return true;
                }
            } else if (pattern.equals(h)) {
                return true;
            }
        }
        return false;
    }
}
