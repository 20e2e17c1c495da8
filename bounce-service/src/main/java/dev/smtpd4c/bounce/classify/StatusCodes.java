package dev.smtpd4c.bounce.classify;

import java.util.HashMap;
import java.util.Map;

/** Enhanced status code to reason, from {@code /bounce/status-codes.txt}. */
public final class StatusCodes {
    private static final Map<String, Reason> MAP = new HashMap<>();

    static {
        for (String line : Resources.lines("/bounce/status-codes.txt")) {
            String[] kv = line.split("\\s+");
            Reason r = kv.length == 2 ? Reason.of(kv[1]) : null;
            if (r != null) MAP.put(kv[0], r);
        }
    }

    private StatusCodes() {}

    /** The reason a code names on its own, or null for codes that need the text (x.0.0, 5.7.1, ...). */
    public static Reason reasonOf(String status) {
        if (status == null || status.length() < 5 || status.charAt(1) != '.') return null;
        Reason full = MAP.get(status);
        return full != null ? full : MAP.get(status.substring(2));
    }
}
