package dev.smtpd4c.sunset.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every stage of the policy, with the clock moved by hand. */
class InactivityPolicyTest {

    private static final Instant CLICKED = Instant.parse("2026-01-01T12:00:00Z");
    private static final PolicySettings SETTINGS = new PolicySettings(Stages.DEFAULT,
            Map.of("transactional", Stages.exemptStream(),
                    "digest", new Stages(Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(90), false)),
            5, 0.0, 2, 2);

    private final InactivityPolicy policy = new InactivityPolicy(SETTINGS);

    private static Clock daysAfterClick(long days) {
        return Clock.fixed(CLICKED.plus(Duration.ofDays(days)), ZoneOffset.UTC);
    }

    private static RecipientActivity clickedOnce(String stream, Status status, int sends) {
        return new RecipientActivity("a@example.org", stream, status, CLICKED, null, 0, sends, CLICKED.minusSeconds(86400), 0, 0);
    }

    @ParameterizedTest(name = "{0} days silent -> {1}")
    @CsvSource({"0, ACTIVE", "89, ACTIVE", "90, REDUCED", "119, REDUCED", "120, RECONFIRM", "179, RECONFIRM", "180, SUNSET", "900, SUNSET"})
    void defaultStagesFollowDaysWithoutStrongEngagement(long days, Status expected) {
        Decision d = policy.decide(clickedOnce("marketing", Status.ACTIVE, 10), daysAfterClick(days).instant());
        assertThat(d.status()).isEqualTo(expected);
        if (expected != Status.ACTIVE) {
            assertThat(d.reason()).contains(days + " days without strong engagement");
        }
    }

    @ParameterizedTest(name = "digest: {0} days -> {1}")
    @CsvSource({"29, ACTIVE", "30, REDUCED", "60, RECONFIRM", "90, SUNSET"})
    void stagesAreConfigurablePerStream(long days, Status expected) {
        assertThat(policy.decide(clickedOnce("digest", Status.ACTIVE, 10), daysAfterClick(days).instant()).status()).isEqualTo(expected);
    }

    @Test
    void nobodyIsJudgedBeforeTheMinimumNumberOfSends() {
        Decision d = policy.decide(clickedOnce("marketing", Status.ACTIVE, 4), daysAfterClick(400).instant());
        assertThat(d.status()).isEqualTo(Status.ACTIVE);
        assertThat(d.reason()).contains("4 sends since last engagement, fewer than the 5");
    }

    @Test
    void aRecipientWhoNeverEngagedIsJudgedFromTheFirstEvent() {
        Instant first = CLICKED;
        RecipientActivity never = new RecipientActivity("n@example.org", "marketing", Status.ACTIVE, null, null, 0, 20, first, 0, 0);
        assertThat(policy.decide(never, daysAfterClick(181).instant()).status()).isEqualTo(Status.SUNSET);
    }

    @Test
    void strongEngagementReactivatesASunsetRecipient() {
        RecipientActivity back = clickedOnce("marketing", Status.SUNSET, 10);
        Decision d = policy.decide(back, daysAfterClick(3).instant());
        assertThat(d.status()).isEqualTo(Status.ACTIVE);
        assertThat(d.reason()).startsWith("reactivated");
        assertThat(d.changes(Status.SUNSET)).isTrue();
    }

    @Test
    void opensDoNotResetTheClockUnlessWeighted() {
        Instant opened = CLICKED.plus(Duration.ofDays(170));
        RecipientActivity opener = new RecipientActivity("o@example.org", "marketing", Status.ACTIVE, CLICKED, opened, 3, 10,
                CLICKED, 0, 0);
        Instant now = daysAfterClick(185).instant();
        assertThat(policy.decide(opener, now).status()).as("opens weigh nothing by default").isEqualTo(Status.SUNSET);

        PolicySettings weighted = new PolicySettings(Stages.DEFAULT, Map.of(), 5, 0.34, 2, 2);
        assertThat(new InactivityPolicy(weighted).decide(opener, now).status()).as("three opens at 0.34 count once").isEqualTo(Status.ACTIVE);
        PolicySettings tooLight = new PolicySettings(Stages.DEFAULT, Map.of(), 5, 0.3, 2, 2);
        assertThat(new InactivityPolicy(tooLight).decide(opener, now).status()).as("three opens at 0.3 do not").isEqualTo(Status.SUNSET);
    }

    @Test
    void repeatedHardBouncesOrComplaintsSuspendInEveryStream() {
        RecipientActivity bounced = new RecipientActivity("b@example.org", "transactional", Status.ACTIVE, CLICKED, null, 0, 1,
                CLICKED, 2, 0);
        Decision d = policy.decide(bounced, daysAfterClick(1).instant());
        assertThat(d).isEqualTo(new Decision(Status.SUSPENDED, "2 hard bounces (limit 2)"));

        RecipientActivity complained = new RecipientActivity("c@example.org", "marketing", Status.ACTIVE, CLICKED, null, 0, 1,
                CLICKED, 1, 2);
        assertThat(policy.decide(complained, daysAfterClick(1).instant()).reason()).isEqualTo("2 complaints (limit 2)");
    }

    @Test
    void oneHardBounceDoesNotSuspend() {
        RecipientActivity once = new RecipientActivity("b@example.org", "marketing", Status.ACTIVE, CLICKED, null, 0, 1, CLICKED, 1, 1);
        assertThat(policy.decide(once, daysAfterClick(1).instant()).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void engagementDoesNotLiftASuspension() {
        RecipientActivity suspended = clickedOnce("marketing", Status.SUSPENDED, 0);
        Decision d = policy.decide(suspended, daysAfterClick(1).instant());
        assertThat(d.status()).isEqualTo(Status.SUSPENDED);
        assertThat(d.changes(Status.SUSPENDED)).isFalse();
    }

    @Test
    void exemptStreamsAreNeverSunsetForSilence() {
        assertThat(policy.decide(clickedOnce("transactional", Status.ACTIVE, 50), daysAfterClick(1000).instant()).status())
                .isEqualTo(Status.ACTIVE);
    }

    @Test
    void stagesMustGrow() {
        assertThatThrownBy(() -> new Stages(Duration.ofDays(100), Duration.ofDays(90), Duration.ofDays(180), false))
                .hasMessageContaining("stages must grow");
    }
}
