package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionRequested;
import dev.smtpd4c.optin.mail.ConfirmationMailer;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sign-up: stores the subscription and its event in one transaction, then sends the confirmation
 * mail. (Foundation slice: tokens, consent ledger, reminders and relay fail-over come with the
 * double opt-in feature.)
 */
@Startup // registers the send-to-accept meters at start, so the SLI series exist before the first mail
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final ConfirmationMailer mailer;
    private final Clock clock;
    private final Timer sendToAccept;
    private final Counter sendFailures;

    public SubscriptionService(SubscriptionRepository subscriptions, Outbox outbox, ConfirmationMailer mailer, Clock clock,
            MeterRegistry registry) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
        // The transactional SLI: from the sign-up request to the relay accepting the mail.
        this.sendToAccept = Timer.builder("smtpd4c.send.to.accept").tag("stream", "transactional")
                .description("Time from the request that needs a mail to the SMTP relay accepting it")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(60))
                .register(registry);
        this.sendFailures = Counter.builder("smtpd4c.mail.send.failures").tag("relay", "primary")
                .description("Mails the SMTP relay did not accept").register(registry);
    }

    public UUID signUp(SignUp request) {
        long started = System.nanoTime();
        EmailAddress address = EmailAddress.parse(request.address())
                .orElseThrow(() -> ProblemException.badRequest("invalid-address", "Invalid address",
                        "The address is not a valid mailbox address (RFC 5321)."));
        String list = Optional.ofNullable(request.list()).filter(s -> !s.isBlank()).orElse("default");
        Subscription s = QuarkusTransaction.requiringNew().call(() -> store(address, list, request));
        if (s.confirmationSentAt == null && sendConfirmation(s)) {
            sendToAccept.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        return s.id;
    }

    private Subscription store(EmailAddress address, String list, SignUp request) {
        Optional<Subscription> existing = subscriptions.findByAddressAndList(address.toString(), list);
        if (existing.isPresent()) {
            return existing.get(); // never downgrade or duplicate; the reply is the same either way
        }
        Instant now = clock.instant();
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.address = address.toString();
        s.list = list;
        s.status = Subscription.Status.PENDING;
        s.source = Optional.ofNullable(request.source()).orElse("api");
        s.locale = Optional.ofNullable(request.locale()).orElse("en");
        s.requestedAt = now;
        subscriptions.persist(s);
        outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUBSCRIPTION_REQUESTED, s.address,
                new SubscriptionRequested(s.id, s.address, s.list, s.source, s.locale, now), now));
        return s;
    }

    private boolean sendConfirmation(Subscription s) {
        try {
            mailer.sendConfirmation(s);
            QuarkusTransaction.requiringNew().run(() ->
                    subscriptions.update("confirmationSentAt = ?1 where id = ?2", clock.instant(), s.id));
            return true;
        } catch (RuntimeException e) {
            sendFailures.increment();
            LOG.errorf("sign-up %s: the confirmation mail to %s could not be handed to SMTP: %s; check the relay settings (quarkus.mailer.*)",
                    s.id, s.address, e.getMessage());
            return false;
        }
    }
}
