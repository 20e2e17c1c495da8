package dev.smtpd4c.bounce.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.bounce.BounceRecord;
import dev.smtpd4c.bounce.suppression.SuppressionPolicy.Decision;
import dev.smtpd4c.bounce.suppression.SuppressionPolicy.SoftRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suppression policy with a fixed clock: which result suppresses, where, and when soft bounces add up. */
class SuppressionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final SoftRule RULE = new SoftRule(3, Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(30));
    private static final SuppressionPolicy POLICY = new SuppressionPolicy(RULE,
            Map.of("mailboxfull", new SoftRule(5, Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(30))),
            Set.of("blocked", "spamdetected"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void hardBounceSuppressesEverywhereAtOnce() {
        Decision d = POLICY.decide(result("userunknown", true, "failed", "", "marketing"), noHistory());
        assertThat(d).isEqualTo(new Decision(true, "global", "hard-bounce", "userunknown"));
    }

    @Test
    void complaintSuppressesInItsStreamOrEverywhereWhenTheStreamIsUnknown() {
        assertThat(POLICY.decide(result("feedback", false, "", "abuse", "Marketing"), noHistory()))
                .isEqualTo(new Decision(true, "stream:marketing", "complaint", "abuse"));
        assertThat(POLICY.decide(result("feedback", false, "", "", ""), noHistory()))
                .isEqualTo(new Decision(true, "global", "complaint", "abuse"));
    }

    @Test
    void vacationDeliveryDelayAndSenderSideReasonsNeverSuppress() {
        List<Instant> many = times(10, Duration.ofHours(1));
        assertThat(POLICY.decide(result("vacation", false, "", "", ""), (r, f) -> many).suppress()).isFalse();
        assertThat(POLICY.decide(result("delivered", false, "delivered", "", ""), (r, f) -> many).suppress()).isFalse();
        assertThat(POLICY.decide(result("expired", false, "delayed", "", ""), (r, f) -> many).suppress()).isFalse();
        assertThat(POLICY.decide(result("blocked", false, "failed", "", ""), (r, f) -> many).suppress()).isFalse();
    }

    @Test
    void softBouncesSuppressOnceTheThresholdIsReachedWithinTheWindow() {
        BounceRecord soft = result("systemerror", false, "failed", "", "");
        assertThat(POLICY.decide(soft, (r, f) -> times(2, Duration.ofDays(1))).suppress()).isFalse();
        assertThat(POLICY.decide(soft, (r, f) -> times(3, Duration.ofDays(1)))).isEqualTo(
                new Decision(true, "global", "soft-bounce", "systemerror"));
    }

    @Test
    void oldSoftBouncesDecayAndExpire() {
        BounceRecord soft = result("systemerror", false, "failed", "", "");
        // Two bounces 14 days old weigh half each (one half-life past the window): 1 + 0.5 + 0.5 = 2 < 3.
        List<Instant> decayed = List.of(NOW, NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(14)));
        assertThat(SuppressionPolicy.weight(decayed, RULE, NOW)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(POLICY.decide(soft, (r, f) -> decayed).suppress()).isFalse();
        // Past the expiry they weigh nothing, however many there are.
        List<Instant> expired = new ArrayList<>(times(10, Duration.ZERO).stream().map(t -> t.minus(Duration.ofDays(31))).toList());
        assertThat(SuppressionPolicy.weight(expired, RULE, NOW)).isZero();
        // One more fresh bounce on top of the decayed ones reaches the threshold.
        List<Instant> more = new ArrayList<>(decayed);
        more.add(NOW.minus(Duration.ofHours(1)));
        assertThat(POLICY.decide(soft, (r, f) -> more).suppress()).isTrue();
    }

    @Test
    void aReasonCanHaveItsOwnRuleAndTheHistoryIsAskedForThatReasonAndItsExpiry() {
        BounceRecord full = result("mailboxfull", false, "failed", "", "");
        List<String> asked = new ArrayList<>();
        SuppressionPolicy.SoftHistory four = (reason, from) -> {
            asked.add(reason + "@" + from);
            return times(4, Duration.ofHours(6));
        };
        assertThat(POLICY.decide(full, four).suppress()).isFalse();
        assertThat(asked).containsExactly("mailboxfull@" + NOW.minus(Duration.ofDays(30)));
        assertThat(POLICY.decide(full, (r, f) -> times(5, Duration.ofHours(6))).suppress()).isTrue();
    }

    @Test
    void streamScopeKeepsOnlySafeCharacters() {
        assertThat(SuppressionPolicy.streamScope(" News Letter!")).isEqualTo("stream:newsletter");
        assertThat(SuppressionPolicy.streamScope("***")).isEqualTo("global");
    }

    private static SuppressionPolicy.SoftHistory noHistory() {
        return (r, f) -> List.of(NOW);
    }

    /** {@code n} bounces, the newest now, each {@code step} older than the one before. */
    private static List<Instant> times(int n, Duration step) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(NOW.minus(step.multipliedBy(i)));
        }
        return out;
    }

    private static BounceRecord result(String reason, boolean hard, String action, String feedbackType, String stream) {
        return new BounceRecord("alice@example.org", hard ? "5.1.1" : "", "", reason, hard, action, "", "", "", "test",
                "", "", feedbackType, "", "news@sender.example", "", "", "", stream, "");
    }
}
