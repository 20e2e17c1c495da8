package dev.smtpd4c.bounce.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Label values that cannot grow without bound: the configured values, then the first {@code extra}
 * others as they are seen, then "other". A Prometheus series per recipient domain of the world
 * would exhaust the metrics backend; the sending domains of one organisation are few.
 */
final class BoundedLabel {

    static final String OTHER = "other";
    static final String NONE = "none";
    private static final int MAX_LENGTH = 100;

    private final Set<String> configured;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final int extra;

    BoundedLabel(Set<String> configured, int extra) {
        this.configured = configured.stream().map(BoundedLabel::clean).collect(Collectors.toUnmodifiableSet());
        this.extra = extra;
    }

    String of(String raw) {
        String v = clean(raw);
        if (v.isEmpty()) {
            return NONE;
        }
        if (configured.contains(v) || seen.contains(v)) {
            return v;
        }
        synchronized (seen) {
            if (seen.size() < extra) {
                seen.add(v);
                return v;
            }
        }
        return OTHER;
    }

    private static String clean(String raw) {
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
    }
}
