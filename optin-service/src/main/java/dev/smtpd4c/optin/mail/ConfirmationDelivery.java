package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
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
 * One attempt to deliver a subscription's confirmation mail, and its bookkeeping: on acceptance the
 * send time, the consent step and the SLI; on failure the next retry time. Runs outside any
 * transaction, so no database connection is held while SMTP talks.
 */
@Startup // registers the send-to-accept meters at start, so the SLI series exist before the first mail
@ApplicationScoped
public class ConfirmationDelivery {

    private static final Logger LOG = Logger.getLogger(ConfirmationDelivery.class);

    private final TransactionalMail mailer;
    private final RelayMailer relays;
    private final DomainThrottle throttle;
    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final OptinConfig.Mail config;
    private final Clock clock;
    private final Timer sendToAccept;

    public ConfirmationDelivery(TransactionalMail mailer, RelayMailer relays, DomainThrottle throttle,
            SubscriptionRepository subscriptions,
            ConsentLedger ledger, OptinConfig config, Clock clock, MeterRegistry registry) {
        this.mailer = mailer;
        this.relays = relays;
        this.throttle = throttle;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.config = config.mail();
        this.clock = clock;
        // The transactional SLI: from the request that needs the mail to a relay accepting it, retries included.
        this.sendToAccept = Timer.builder("smtpd4c.send.to.accept").tag("stream", "transactional")
                .description("Time from the request that needs a mail to the SMTP relay accepting it")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(60))
                .register(registry);
    }

    /** {@code requestedAt}: when the request that needs this mail arrived (for the SLI). */
    public boolean deliver(Subscription s, Instant requestedAt) {
        Optional<Duration> wait = throttle.acquire(s.address.substring(s.address.lastIndexOf('@') + 1));
        if (wait.isPresent()) {
            // Not a failure: no attempt is counted; the retry job sends it once the domain has a token.
            Instant next = clock.instant().plus(wait.get());
            QuarkusTransaction.requiringNew().run(() -> subscriptions.update("nextSendAt = ?1 where id = ?2", next, s.id));
            LOG.debugf("sign-up %s: mail to %s held back by the domain throttle until %s", s.id, s.address, next);
            return false;
        }
        try {
            relays.send(mailer.compose(s, MailKind.CONFIRMATION));
        } catch (RuntimeException e) {
            int failures = s.sendAttempts + 1;
            Instant next = clock.instant().plus(RetryBackoff.after(failures, config.retryInitialDelay(), config.retryMaxDelay()));
            QuarkusTransaction.requiringNew().run(() -> subscriptions.update(
                    "sendAttempts = ?1, nextSendAt = ?2 where id = ?3", failures, next, s.id));
            LOG.errorf("sign-up %s: confirmation mail to %s not accepted (attempt %d), retrying at %s: %s",
                    s.id, s.address, failures, next, e.getMessage());
            return false;
        }
        Instant accepted = clock.instant();
        sendToAccept.record(Duration.between(requestedAt, accepted));
        QuarkusTransaction.requiringNew().run(() -> {
            subscriptions.update("confirmationSentAt = ?1, nextSendAt = null where id = ?2", accepted, s.id);
            ledger.record(s, ConsentStep.MAIL_SENT, ClientInfo.SYSTEM, null);
        });
        return true;
    }
}
