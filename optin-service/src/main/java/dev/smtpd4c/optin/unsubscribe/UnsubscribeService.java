package dev.smtpd4c.optin.unsubscribe;

import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionUnsubscribed;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.token.TokenCheck;
import dev.smtpd4c.optin.token.TokenPurpose;
import dev.smtpd4c.optin.token.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Unsubscribe by the token in List-Unsubscribe (RFC 8058): no login, no second confirmation. */
@ApplicationScoped
public class UnsubscribeService {

    private final Tokens tokens;
    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;

    public UnsubscribeService(Tokens tokens, SubscriptionRepository subscriptions, ConsentLedger ledger, Outbox outbox,
            Clock clock) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    public TokenCheck check(String token) {
        return tokens.check(token, TokenPurpose.UNSUBSCRIBE);
    }

    @Transactional
    public UnsubscribeOutcome unsubscribe(String token, ClientInfo client) {
        TokenCheck check = check(token);
        if (!check.valid()) {
            return check.outcome() == TokenCheck.Outcome.EXPIRED ? UnsubscribeOutcome.EXPIRED : UnsubscribeOutcome.INVALID;
        }
        Subscription s = subscriptions.findById(check.subscriptionId());
        if (s == null || s.status == Subscription.Status.UNSUBSCRIBED) {
            // An erased address is as gone as an unsubscribed one; saying so reveals nothing new.
            return UnsubscribeOutcome.ALREADY_UNSUBSCRIBED;
        }
        Instant now = clock.instant();
        s.status = Subscription.Status.UNSUBSCRIBED;
        s.unsubscribedAt = now;
        s.pendingMail = null; // no reminder or re-confirmation mail after leaving
        s.nextSendAt = null;
        ledger.record(s, ConsentStep.UNSUBSCRIBED, client, null);
        outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUBSCRIPTION_UNSUBSCRIBED, s.address,
                new SubscriptionUnsubscribed(s.id, s.address, s.list, now), now));
        return UnsubscribeOutcome.UNSUBSCRIBED;
    }
}
