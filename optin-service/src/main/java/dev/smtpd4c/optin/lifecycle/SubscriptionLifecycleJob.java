package dev.smtpd4c.optin.lifecycle;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionExpired;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.recipient.RecipientBlocks;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The life of a pending sign-up after its confirmation mail: one reminder once
 * smtpd4c.lifecycle.reminder-after has passed (sent by the retry job, like every mail), and expiry
 * once smtpd4c.lifecycle.expire-after has passed since the sign-up — status, consent step and
 * subscription.expired.v1 in one transaction. Safe with several replicas: every change is guarded
 * by the state it leaves.
 */
@ApplicationScoped
public class SubscriptionLifecycleJob {

    private static final Logger LOG = Logger.getLogger(SubscriptionLifecycleJob.class);
    private static final int BATCH = 200;

    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final EntityManager em;
    private final OptinConfig.Lifecycle config;
    private final Clock clock;

    public SubscriptionLifecycleJob(SubscriptionRepository subscriptions, ConsentLedger ledger, Outbox outbox,
            EntityManager em, OptinConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.em = em;
        this.config = config.lifecycle();
        this.clock = clock;
    }

    @Scheduled(every = "${smtpd4c.lifecycle.poll:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Instant now = clock.instant();
        int reminders = QuarkusTransaction.requiringNew().call(() -> scheduleReminders(now));
        int expired = expire(now);
        if (reminders + expired > 0) {
            LOG.infof("sign-up lifecycle: %d reminder(s) due, %d sign-up(s) expired", reminders, expired);
        }
    }

    /** Marks the reminder due for pending sign-ups whose confirmation went out long enough ago; never twice, never to a blocked address. */
    int scheduleReminders(Instant now) {
        return em.createNativeQuery("""
                UPDATE subscription s SET pending_mail = 'REMINDER', next_send_at = ?1, send_attempts = 0
                 WHERE s.status = 'PENDING' AND s.pending_mail IS NULL AND s.reminder_sent_at IS NULL
                   AND s.confirmation_sent_at <= ?2 AND s.requested_at > ?3
                   AND NOT EXISTS (SELECT 1 FROM suppressed_address x WHERE x.address = s.address AND x.scope IN ('global', ?4))
                   AND NOT EXISTS (SELECT 1 FROM recipient_status r WHERE r.address = s.address AND r.status = 'SUSPENDED')""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.minus(config.reminderAfter())))
                .setParameter(3, Timestamp.from(now.minus(config.expireAfter())))
                .setParameter(4, RecipientBlocks.TRANSACTIONAL_SCOPE)
                .executeUpdate();
    }

    int expire(Instant now) {
        Instant cutoff = now.minus(config.expireAfter());
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select s.id from Subscription s where s.status = ?1 and s.requestedAt <= ?2", UUID.class)
                .setParameter(1, Subscription.Status.PENDING).setParameter(2, cutoff).setMaxResults(BATCH).getResultList());
        int done = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> expireOne(id, cutoff, now))) {
                done++;
            }
        }
        return done;
    }

    private boolean expireOne(UUID id, Instant cutoff, Instant now) {
        Subscription s = subscriptions.findById(id, LockModeType.PESSIMISTIC_WRITE); // one replica expires it, once
        if (s == null || s.status != Subscription.Status.PENDING || s.requestedAt.isAfter(cutoff)) {
            return false; // confirmed, unsubscribed, signed up again or expired by another replica meanwhile
        }
        s.status = Subscription.Status.EXPIRED;
        s.expiredAt = now;
        s.pendingMail = null;
        s.nextSendAt = null;
        ledger.record(s, ConsentStep.EXPIRED, ClientInfo.SYSTEM, null);
        outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUBSCRIPTION_EXPIRED, s.address,
                new SubscriptionExpired(s.id, s.address, s.list, s.requestedAt, now), now));
        return true;
    }
}
