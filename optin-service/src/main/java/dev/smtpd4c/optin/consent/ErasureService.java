package dev.smtpd4c.optin.consent;

import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.SubscriberErased;
import dev.smtpd4c.optin.outbox.Outbox;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.token.TokenCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Erasure on request (GDPR art. 17): the address's subscriptions and consent rows are deleted and a
 * tombstone with the address's SHA-256 stays, so the erasure itself can be shown and other
 * services, which get the same hash in the event, can find their own rows.
 */
@ApplicationScoped
public class ErasureService {

    private final SubscriptionRepository subscriptions;
    private final ConsentLedger ledger;
    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public ErasureService(SubscriptionRepository subscriptions, ConsentLedger ledger, EntityManager em, Outbox outbox,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the address hash; erasing an unknown or already erased address succeeds the same way. */
    @Transactional
    public String erase(String address) {
        Instant now = clock.instant();
        String hash = TokenCodec.sha256(address);
        ledger.delete("address", address);
        subscriptions.delete("address", address);
        em.createNativeQuery("INSERT INTO erasure_tombstone (address_hash, erased_at) VALUES (?1, ?2) "
                + "ON CONFLICT (address_hash) DO UPDATE SET erased_at = excluded.erased_at")
                .setParameter(1, hash).setParameter(2, now).executeUpdate();
        outbox.append(EventTypes.SUBSCRIPTION_EVENTS_TOPIC,
                CloudEvent.of(EventTypes.SUBSCRIBER_ERASED, hash, new SubscriberErased(hash, now), now));
        return hash;
    }
}
