package dev.smtpd4c.bounce.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The text patterns of one reason, from {@code /bounce/reasons/<reason>.txt}. A pattern is a
 * lower-case phrase; '*' inside it stands for any text, so "no such * here" needs both parts in
 * that order. Matching is plain indexOf: linear, no regular expressions.
 */
public final class ReasonPatterns {
    private final Reason reason;
    private final List<String[]> patterns = new ArrayList<>();

    ReasonPatterns(Reason reason) {
        this.reason = reason;
        for (String line : Resources.lines("/bounce/reasons/" + reason.id() + ".txt")) {
            patterns.add(line.split("\\*"));
        }
    }

    public Reason reason() { return reason; }

    /** True when the lower-case text contains one of the patterns. */
    public boolean matches(String lowerText) {
        for (String[] parts : patterns) {
            int at = 0;
            boolean ok = true;
            for (String p : parts) {
                String q = p.trim();
                if (q.isEmpty()) continue;
                int f = lowerText.indexOf(q, at);
                if (f < 0) { ok = false; break; }
                at = f + q.length();
            }
            if (ok) return true;
        }
        return false;
    }
}
