package dev.smtpd4c.optin.confirm;

import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriptionConfirmed;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.token.TokenCheck;
import dev.smtpd4c.optin.token.TokenCodec;
import dev.smtpd4c.optin.token.TokenPurpose;
import dev.smtpd4c.optin.token.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Confirmation: checks the link's token and, once per token, moves a pending subscription to CONFIRMED,
 * or confirms again a subscription sunset-service asked to re-confirm.
 */
@ApplicationScoped
public class ConfirmationService {

    private final Tokens tokens;
    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public ConfirmationService(Tokens tokens, SubscriptionRepository subscriptions, ConsentLedger ledger, Outbox outbox,
            EntityManager em, Clock clock) {
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** For the GET page: whether the token is worth showing a confirm button for. Changes nothing. */
    public TokenCheck check(String token) {
        return tokens.check(token, TokenPurpose.CONFIRM);
    }

    /** Status, consent step and event commit together or not at all. */
    @Transactional
    public ConfirmOutcome confirm(String token, ClientInfo client) {
        TokenCheck check = check(token);
        if (!check.valid()) {
            return check.outcome() == TokenCheck.Outcome.EXPIRED ? ConfirmOutcome.EXPIRED : ConfirmOutcome.INVALID;
        }
        Subscription s = subscriptions.findById(check.subscriptionId());
        if (s == null) {
            return ConfirmOutcome.INVALID; // erased since the mail was sent
        }
        boolean reconfirming = s.status == Subscription.Status.CONFIRMED && s.reconfirmRequestedAt != null;
        if (!markUsed(token) || !(s.status == Subscription.Status.PENDING || reconfirming)) {
            return ConfirmOutcome.ALREADY_USED;
        }
        Instant now = clock.instant();
        s.status = Subscription.Status.CONFIRMED;
        s.confirmedAt = now;
        s.reconfirmRequestedAt = null; // answered: sunset-service hears it from subscription.confirmed.v1
        s.pendingMail = null;          // no reminder or re-confirmation mail after the owner confirmed
        s.nextSendAt = null;
        ledger.record(s, ConsentStep.CONFIRMED, client, null);
        outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUBSCRIPTION_CONFIRMED, s.address,
                new SubscriptionConfirmed(s.id, s.address, s.list, now), now));
        return ConfirmOutcome.CONFIRMED;
    }

    /** False when the token was used before; two concurrent POSTs serialise on the primary key. */
    private boolean markUsed(String token) {
        return em.createNativeQuery("INSERT INTO used_token (token_hash, used_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, TokenCodec.sha256(token)).setParameter(2, clock.instant()).executeUpdate() == 1;
    }
}
