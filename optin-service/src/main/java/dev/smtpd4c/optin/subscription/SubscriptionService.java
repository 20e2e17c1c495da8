package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionRequested;
import dev.smtpd4c.optin.limits.AbuseLimits;
import dev.smtpd4c.optin.mail.ConfirmationDispatcher;
import dev.smtpd4c.optin.mail.ConfirmationRetryJob;
import dev.smtpd4c.optin.mail.MailKind;
import dev.smtpd4c.optin.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up and resend: checks the input and the abuse limits, stores the subscription, its consent
 * step and its event in one transaction, and hands the confirmation mail to the dispatcher, which
 * sends it after the reply (the retry job takes over when no relay accepted it). Whatever the
 * address's state, the caller's reply is the same and takes the same work to produce.
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final ConfirmationDispatcher dispatcher;
    private final SignUpValidation validation;
    private final AbuseLimits limits;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, ConsentLedger ledger, Outbox outbox,
            ConfirmationDispatcher dispatcher, SignUpValidation validation, AbuseLimits limits, Clock clock) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.validation = validation;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Returns the subscription's id, empty when the honeypot caught a bot; the caller must not tell
     * anyone whether it was new.
     */
    public Optional<UUID> signUp(SignUp request, ClientInfo client) {
        Instant started = clock.instant();
        SignUpValidation.Valid valid = validation.validate(request);
        limits.check(AbuseLimits.Action.SIGN_UP, client, valid.address());
        if (limits.isBot(request.website(), AbuseLimits.Action.SIGN_UP)) {
            return Optional.empty();
        }
        Stored stored = QuarkusTransaction.requiringNew().call(() -> store(valid, client));
        if (stored.needsMail()) {
            dispatcher.dispatch(stored.subscription(), started);
        }
        return Optional.of(stored.subscription().id);
    }

    /**
     * Sends a pending subscription's confirmation mail again, with a fresh link, up to the resend
     * cap per round; does nothing for any other state. The caller answers the same either way.
     */
    public void resend(Resend request, ClientInfo client) {
        Instant started = clock.instant();
        SignUpValidation.Valid valid = validation.validate(request);
        limits.check(AbuseLimits.Action.RESEND, client, valid.address());
        if (limits.isBot(request.website(), AbuseLimits.Action.RESEND)) {
            return;
        }
        int cap = limits.resendCap();
        Subscription again = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = subscriptions.findByAddressAndList(valid.address().toString(), valid.list()).orElse(null);
            // not yet sent (first attempt or retries still running): the pending mail is the answer
            if (s == null || s.status != Subscription.Status.PENDING || s.confirmationSentAt == null || s.resendCount >= cap) {
                return null;
            }
            s.resendCount++;
            s.confirmationSentAt = null;
            s.sendAttempts = 0;
            s.pendingMail = MailKind.CONFIRMATION;
            s.nextSendAt = started.plus(ConfirmationRetryJob.LEASE);
            return s;
        });
        if (again != null) {
            dispatcher.dispatch(again, started);
        }
    }

    private record Stored(Subscription subscription, boolean needsMail) {}

    private Stored store(SignUpValidation.Valid request, ClientInfo client) {
        Subscription s = subscriptions.findByAddressAndList(request.address().toString(), request.list()).orElse(null);
        if (s != null && (s.status == Subscription.Status.PENDING || s.status == Subscription.Status.CONFIRMED)) {
            return new Stored(s, false); // never downgrade or duplicate; the reply is the same either way
        }
        Instant now = clock.instant();
        boolean isNew = s == null;
        if (isNew) {
            s = new Subscription();
            s.id = UUID.randomUUID();
            s.address = request.address().toString();
            s.list = request.list();
        }
        // New, or back after unsubscribing or expiring: a fresh round of double opt-in.
        s.status = Subscription.Status.PENDING;
        s.source = request.source();
        s.locale = request.locale();
        s.requestedAt = now;
        s.confirmationSentAt = null;
        s.sendAttempts = 0;
        s.pendingMail = MailKind.CONFIRMATION;
        s.resendCount = 0;
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
