package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionRequested;
import dev.smtpd4c.optin.mail.ConfirmationDelivery;
import dev.smtpd4c.optin.mail.ConfirmationRetryJob;
import dev.smtpd4c.optin.mail.MailKind;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up: stores the subscription, its consent step and its event in one transaction, then tries
 * the confirmation mail once; the retry job takes over when no relay accepted it.
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final ConfirmationDelivery delivery;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, ConsentLedger ledger, Outbox outbox,
            ConfirmationDelivery delivery, Clock clock) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Returns the subscription's id; the caller must not tell anyone whether it was new. */
    public UUID signUp(SignUp request, ClientInfo client) {
        Instant started = clock.instant();
        EmailAddress address = EmailAddress.parse(request.address())
                .orElseThrow(() -> ProblemException.badRequest("invalid-address", "Invalid address",
                        "The address is not a valid mailbox address (RFC 5321)."));
        String list = Optional.ofNullable(request.list()).filter(s -> !s.isBlank()).orElse("default");
        Stored stored = QuarkusTransaction.requiringNew().call(() -> store(address, list, request, client));
        if (stored.needsMail()) {
            delivery.deliver(stored.subscription(), started);
        }
        return stored.subscription().id;
    }

    private record Stored(Subscription subscription, boolean needsMail) {}

    private Stored store(EmailAddress address, String list, SignUp request, ClientInfo client) {
        Subscription s = subscriptions.findByAddressAndList(address.toString(), list).orElse(null);
        if (s != null && (s.status == Subscription.Status.PENDING || s.status == Subscription.Status.CONFIRMED)) {
            return new Stored(s, false); // never downgrade or duplicate; the reply is the same either way
        }
        Instant now = clock.instant();
        boolean isNew = s == null;
        if (isNew) {
            s = new Subscription();
            s.id = UUID.randomUUID();
            s.address = address.toString();
            s.list = list;
        }
        // New, or back after unsubscribing or expiring: a fresh round of double opt-in.
        s.status = Subscription.Status.PENDING;
        s.source = Optional.ofNullable(request.source()).orElse("api");
        s.locale = Optional.ofNullable(request.locale()).orElse("en");
        s.requestedAt = now;
        s.confirmationSentAt = null;
        s.sendAttempts = 0;
        s.pendingMail = MailKind.CONFIRMATION;
        s.nextSendAt = now.plus(ConfirmationRetryJob.LEASE); // the retry job's turn only if this attempt dies
        s.reminderSentAt = null;
        s.reconfirmRequestedAt = null;
        s.expiredAt = null;
        if (isNew) {
            subscriptions.persist(s);
        }
        ledger.record(s, ConsentStep.REQUESTED, client, request.formVersion());
        outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUBSCRIPTION_REQUESTED, s.address,
                new SubscriptionRequested(s.id, s.address, s.list, s.source, s.locale, now), now));
        return new Stored(s, true);
    }
}
