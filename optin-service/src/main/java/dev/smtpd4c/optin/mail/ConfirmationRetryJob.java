package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends every pending mail that is due: confirmation mails no relay accepted or the throttle held
 * back, those whose sending pod died mid-attempt (the sign-up sets next_send_at one lease ahead
 * before its own attempt), reminders and re-confirmation requests.
 */
@ApplicationScoped
public class ConfirmationRetryJob {

    /** How long an attempt may take before another pod may assume it died. */
    public static final Duration LEASE = Duration.ofMinutes(1);
    private static final int BATCH = 50;

    private final SubscriptionRepository subscriptions;
    private final ConfirmationDelivery delivery;
    private final Clock clock;

    public ConfirmationRetryJob(SubscriptionRepository subscriptions, ConfirmationDelivery delivery, Clock clock) {
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Scheduled(every = "${smtpd4c.mail.retry-poll:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retryDue() {
        Instant now = clock.instant();
        List<Subscription> due = QuarkusTransaction.requiringNew().call(() -> subscriptions.find(
                "pendingMail is not null and nextSendAt <= ?1 order by nextSendAt", now).page(0, BATCH).list());
        for (Subscription s : due) {
            if (claim(s, now.plus(LEASE))) {
                delivery.deliver(s, s.pendingMail == MailKind.RECONFIRMATION ? s.reconfirmRequestedAt : s.requestedAt);
            }
        }
    }

    /** Moves next_send_at one lease ahead unless another pod did first; only the winner sends. */
    private boolean claim(Subscription s, Instant leaseEnd) {
        Instant seen = s.nextSendAt;
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.update(
                "nextSendAt = ?1 where id = ?2 and nextSendAt = ?3", leaseEnd, s.id, seen)) == 1;
    }
}
