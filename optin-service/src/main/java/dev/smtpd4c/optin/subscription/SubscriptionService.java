package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionRequested;
import dev.smtpd4c.optin.mail.ConfirmationMailer;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sign-up: stores the subscription and its event in one transaction, then sends the confirmation
 * mail. (Foundation slice: tokens, consent ledger, reminders and relay fail-over come with the
 * double opt-in feature.)
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final ConfirmationMailer mailer;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, Outbox outbox, ConfirmationMailer mailer, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
    }

    public UUID signUp(SignUp request) {
        EmailAddress address = EmailAddress.parse(request.address())
                .orElseThrow(() -> ProblemException.badRequest("invalid-address", "Invalid address",
                        "The address is not a valid mailbox address (RFC 5321)."));
        String list = Optional.ofNullable(request.list()).filter(s -> !s.isBlank()).orElse("default");
        Subscription s = QuarkusTransaction.requiringNew().call(() -> store(address, list, request));
        if (s.confirmationSentAt == null) {
            sendConfirmation(s);
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

    private void sendConfirmation(Subscription s) {
        try {
            mailer.sendConfirmation(s);
            QuarkusTransaction.requiringNew().run(() ->
                    subscriptions.update("confirmationSentAt = ?1 where id = ?2", clock.instant(), s.id));
        } catch (RuntimeException e) {
            LOG.errorf("sign-up %s: the confirmation mail to %s could not be handed to SMTP: %s; check the relay settings (quarkus.mailer.*)",
                    s.id, s.address, e.getMessage());
        }
    }
}
