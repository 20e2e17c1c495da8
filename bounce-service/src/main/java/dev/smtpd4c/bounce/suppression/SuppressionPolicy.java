package dev.smtpd4c.bounce.suppression;

import dev.smtpd4c.bounce.BounceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether one classified result suppresses its recipient. Plain Java: the caller supplies
 * the address's earlier soft bounces and the clock.
 *
 * <ul>
 *   <li>hard bounce: suppressed at once, in every stream (the mailbox does not exist);</li>
 *   <li>complaint: suppressed in the stream the complaint was about, or everywhere when the stream
 *       is unknown, so a marketing complaint does not stop password resets;</li>
 *   <li>soft bounce of a recipient-side reason (mailbox full, expired, ...): suppressed when the
 *       weighted count of soft bounces of that reason reaches the reason's threshold;</li>
 *   <li>delays, deliveries, auto-replies and sender-side reasons (blocked, reputation, content):
 *       never, since they say nothing bad about the address.</li>
 * </ul>
 */
public final class SuppressionPolicy {

    public static final String GLOBAL = "global";
    private static final int MAX_STREAM = 100;

    /** Soft bounce counting: {@code threshold} bounces in {@code window}; older ones decay, then expire. */
    public record SoftRule(int threshold, Duration window, Duration halfLife, Duration expiry) {}

    /** The outcome for one result; {@code suppress} false means "record it, change nothing". */
    public record Decision(boolean suppress, String scope, String reason, String detail) {
        static final Decision NONE = new Decision(false, "", "", "");
    }

    /** The times of the address's soft bounces of one reason since {@code from}, the current one included. */
    @FunctionalInterface
    public interface SoftHistory {
        List<Instant> since(String reason, Instant from);
    }

    private final SoftRule defaultRule;
    private final Map<String, SoftRule> byReason;
    private final Set<String> senderSideReasons;
    private final Clock clock;

    public SuppressionPolicy(SoftRule defaultRule, Map<String, SoftRule> byReason, Set<String> senderSideReasons, Clock clock) {
        this.defaultRule = defaultRule;
        this.byReason = Map.copyOf(byReason);
        this.senderSideReasons = Set.copyOf(senderSideReasons);
        this.clock = clock;
    }

    public Decision decide(BounceRecord r, SoftHistory history) {
        return switch (Kind.of(r)) {
            case COMPLAINT -> new Decision(true, streamScope(r.smtpd4cStream()), "complaint",
                    r.feedbackType().isEmpty() ? "abuse" : r.feedbackType());
            case BOUNCE -> r.hardBounce() ? new Decision(true, GLOBAL, "hard-bounce", r.reason()) : soft(r, history);
            default -> Decision.NONE;
        };
    }

    /** The rule a soft bounce of {@code reason} is counted by. */
    public SoftRule rule(String reason) {
        return byReason.getOrDefault(reason, defaultRule);
    }

    private Decision soft(BounceRecord r, SoftHistory history) {
        if ("delayed".equalsIgnoreCase(r.action()) || senderSideReasons.contains(r.reason())) {
            return Decision.NONE;
        }
        SoftRule rule = rule(r.reason());
        Instant now = clock.instant();
        double weight = weight(history.since(r.reason(), now.minus(rule.expiry())), rule, now);
        return weight + 1e-9 >= rule.threshold()
                ? new Decision(true, GLOBAL, "soft-bounce", r.reason())
                : Decision.NONE;
    }

    /** Sum of the bounces' weights: 1 within the window, halving every half-life after it, 0 once expired. */
    static double weight(List<Instant> bounces, SoftRule rule, Instant now) {
        double sum = 0;
        for (Instant t : bounces) {
            Duration age = Duration.between(t, now);
            if (age.isNegative() || age.compareTo(rule.window()) <= 0) {
                sum += 1;
            } else if (age.compareTo(rule.expiry()) <= 0) {
                double halfLives = (double) age.minus(rule.window()).toMillis() / Math.max(1, rule.halfLife().toMillis());
                sum += Math.pow(0.5, halfLives);
            }
        }
        return sum;
    }

    /** The scope of a stream named in the returned mail's X-SMTPD4C-Stream header; global when none is usable. */
    public static String streamScope(String stream) {
        String name = stream == null ? "" : stream.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (name.length() > MAX_STREAM) {
            name = name.substring(0, MAX_STREAM);
        }
        return name.isEmpty() ? GLOBAL : "stream:" + name;
    }
}
