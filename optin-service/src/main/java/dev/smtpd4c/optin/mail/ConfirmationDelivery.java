package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.MailSent;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.recipient.RecipientBlocks;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One attempt to deliver a subscription's pending mail (confirmation, reminder or re-confirmation),
 * and its bookkeeping: a suppressed or suspended address gets nothing; a throttled domain waits;
 * on acceptance the send time, the consent step, the mail-sent event and the SLI; on failure the
 * next retry time. Runs outside any transaction, so no database connection is held while SMTP talks.
 */
@Startup // registers the send-to-accept meters at start, so the SLI series exist before the first mail
@ApplicationScoped
public class ConfirmationDelivery {

    private static final Logger LOG = Logger.getLogger(ConfirmationDelivery.class);

    private final TransactionalMail mailer;
    private final RelayMailer relays;
    private final DomainThrottle throttle;
    private final RecipientBlocks blocks;
    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final OptinConfig.Mail config;
    private final Clock clock;
    private final Timer sendToAccept;
    private final Counter blocked;

    public ConfirmationDelivery(TransactionalMail mailer, RelayMailer relays, DomainThrottle throttle, RecipientBlocks blocks,
            SubscriptionRepository subscriptions, ConsentLedger ledger, Outbox outbox, OptinConfig config, Clock clock,
            MeterRegistry registry) {
        this.mailer = mailer;
        this.relays = relays;
        this.throttle = throttle;
        this.blocks = blocks;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config.mail();
        this.clock = clock;
        // The transactional SLI: from the request that needs the mail to a relay accepting it, retries included.
        this.sendToAccept = Timer.builder("smtpd4c.send.to.accept").tag("stream", "transactional")
                .description("Time from the request that needs a mail to the SMTP relay accepting it")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(60))
                .register(registry);
        this.blocked = Counter.builder("smtpd4c.mail.blocked")
                .description("Mails not sent because the address is suppressed or suspended").register(registry);
    }

    private record Gate(boolean blocked, Optional<Duration> throttled) {}

    /**
     * Sends {@code s.pendingMail}. {@code requestedAt}: when the request that needs this mail arrived
     * (the sign-up, or sunset-service's re-confirmation request), for the SLI; reminders are not timed.
     * True when a relay accepted it.
     */
    public boolean deliver(Subscription s, Instant requestedAt) {
        MailKind kind = s.pendingMail;
        if (kind == null) {
            return false;
        }
        String domain = s.address.substring(s.address.lastIndexOf('@') + 1);
        // One transaction for both checks: a round trip less per mail.
        Gate gate = QuarkusTransaction.requiringNew().call(() -> blocks.blocked(s.address)
                ? new Gate(true, Optional.empty()) : new Gate(false, throttle.acquire(domain)));
        if (gate.blocked()) {
            QuarkusTransaction.requiringNew().run(() -> subscriptions.update(
                    "pendingMail = null, nextSendAt = null where id = ?1 and pendingMail = ?2", s.id, kind));
            blocked.increment();
            LOG.infof("sign-up %s: %s mail to %s not sent: the address is suppressed or suspended", s.id, kind, s.address);
            return false;
        }
        Optional<Duration> wait = gate.throttled();
        if (wait.isPresent()) {
            // Not a failure: no attempt is counted; the retry job sends it once the domain has a token.
            Instant next = clock.instant().plus(wait.get());
            QuarkusTransaction.requiringNew().run(() -> subscriptions.update("nextSendAt = ?1 where id = ?2", next, s.id));
            LOG.debugf("sign-up %s: mail to %s held back by the domain throttle until %s", s.id, s.address, next);
            return false;
        }
        ComposedMail mail = mailer.compose(s, kind);
        String relay;
        try {
            relay = relays.send(mail);
        } catch (RuntimeException e) {
            int failures = s.sendAttempts + 1;
            Instant next = clock.instant().plus(RetryBackoff.after(failures, config.retryInitialDelay(), config.retryMaxDelay()));
            QuarkusTransaction.requiringNew().run(() -> subscriptions.update(
                    "sendAttempts = ?1, nextSendAt = ?2 where id = ?3", failures, next, s.id));
            LOG.errorf("sign-up %s: %s mail to %s not accepted (attempt %d), retrying at %s: %s",
                    s.id, kind, s.address, failures, next, e.getMessage());
            return false;
        }
        Instant accepted = clock.instant();
        if (kind != MailKind.REMINDER) {
            sendToAccept.record(Duration.between(requestedAt, accepted));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // Guarded by pendingMail: a newer mail requested meanwhile stays due.
            String done = "pendingMail = null, nextSendAt = null, sendAttempts = 0 where id = ?2 and pendingMail = ?3";
            switch (kind) {
                case CONFIRMATION -> subscriptions.update("confirmationSentAt = ?1, " + done, accepted, s.id, kind);
                case REMINDER -> subscriptions.update("reminderSentAt = ?1, " + done, accepted, s.id, kind);
                case RECONFIRMATION -> subscriptions.update(
                        "pendingMail = null, nextSendAt = null, sendAttempts = 0 where id = ?1 and pendingMail = ?2", s.id, kind);
            }
            ledger.record(s, ConsentStep.MAIL_SENT, ClientInfo.SYSTEM, null);
            outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUBSCRIPTION_MAIL_SENT, s.address,
                    new MailSent(s.id, s.address, s.list, kind.templateName(), TransactionalMail.STREAM,
                            mail.header("Content-Language"), relay, mail.header("Message-ID"), accepted), accepted));
        });
        return true;
    }
}
