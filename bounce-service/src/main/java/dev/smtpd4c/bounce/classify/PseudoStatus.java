package dev.smtpd4c.bounce.classify;

import java.util.HashMap;
import java.util.Map;

/** Stand-in status codes ("5.0.911") for results whose message gives none; numbers from {@code /bounce/pseudo-status.txt}. */
public final class PseudoStatus {
    private static final Map<Reason, String> NUMBERS = new HashMap<>();
    private static final Map<Reason, String> TEMPORARY = new HashMap<>();

    static {
        for (String line : Resources.lines("/bounce/pseudo-status.txt")) {
            String[] kv = line.split("\\s+");
            Reason r = kv.length >= 2 ? Reason.of(kv[0]) : null;
            if (r == null) continue;
            NUMBERS.put(r, kv[1]);
            TEMPORARY.put(r, kv.length > 2 ? kv[2] : kv[1]);
        }
    }

    private PseudoStatus() {}

    /** "" for non-bounces (delivered, feedback, vacation), else e.g. "4.0.947". */
    public static String of(Reason r, boolean temporary) {
        switch (r) {
            case DELIVERED, FEEDBACK, VACATION, UNDEFINED -> { return ""; }
            default -> { }
        }
        Map<Reason, String> numbers = temporary ? TEMPORARY : NUMBERS;
        String n = numbers.getOrDefault(r, numbers.getOrDefault(Reason.ONHOLD, "901"));
        return (temporary ? "4" : "5") + ".0." + n;
    }
}
