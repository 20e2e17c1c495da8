package dev.smtpd4c.sunset.subscription;

import dev.smtpd4c.sunset.config.SqlValues;
import dev.smtpd4c.sunset.events.SubscriptionConfirmed;
import dev.smtpd4c.sunset.events.SubscriptionRequested;
import dev.smtpd4c.sunset.events.SubscriptionUnsubscribed;
import dev.smtpd4c.sunset.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The subscriptions optin-service announced: requested, confirmed, unsubscribed; upserts, so a repeat is harmless. */
@ApplicationScoped
public class SubscriptionProjection {

    private final EntityManager em;

    public SubscriptionProjection(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(SubscriptionRequested e) {
        if (e.subscriptionId() == null || e.address() == null || e.address().isBlank() || e.list() == null) {
            throw new InvalidEventException("subscription.requested without subscriptionId, address or list");
        }
        // An upsert, so applying the same fact twice (even under a new event id) is harmless.
        em.createNativeQuery("""
                INSERT INTO known_subscription (subscription_id, address, list_name, requested_at)
                VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (subscription_id) DO NOTHING""")
                .setParameter(1, e.subscriptionId()).setParameter(2, e.address()).setParameter(3, e.list())
                .setParameter(4, e.requestedAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(SubscriptionConfirmed e) {
        require(e.subscriptionId() != null && e.address() != null && !e.address().isBlank() && e.list() != null
                && e.confirmedAt() != null, "subscription.confirmed without subscriptionId, address, list or confirmedAt");
        em.createNativeQuery("""
                INSERT INTO known_subscription (subscription_id, address, list_name, confirmed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (subscription_id) DO UPDATE SET confirmed_at = EXCLUDED.confirmed_at""")
                .setParameter(1, e.subscriptionId()).setParameter(2, e.address()).setParameter(3, e.list())
                .setParameter(4, e.confirmedAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unsubscribed(SubscriptionUnsubscribed e) {
        require(e.subscriptionId() != null && e.address() != null && !e.address().isBlank() && e.list() != null
                && e.unsubscribedAt() != null, "subscription.unsubscribed without subscriptionId, address, list or unsubscribedAt");
        em.createNativeQuery("""
                INSERT INTO known_subscription (subscription_id, address, list_name, unsubscribed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (subscription_id) DO UPDATE SET unsubscribed_at = EXCLUDED.unsubscribed_at""")
                .setParameter(1, e.subscriptionId()).setParameter(2, e.address()).setParameter(3, e.list())
                .setParameter(4, e.unsubscribedAt()).executeUpdate();
    }

    /**
     * When the address left {@code list}, unless a subscription to the list was confirmed after that
     * (it came back); null when it is not unsubscribed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Instant unsubscribedAt(String address, String list) {
        List<Object> rows = em.createNativeQuery("""
                SELECT max(u.unsubscribed_at) FROM known_subscription u
                WHERE u.address = ?1 AND u.list_name = ?2 AND u.unsubscribed_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM known_subscription c WHERE c.address = ?1 AND c.list_name = ?2
                                  AND c.unsubscribed_at IS NULL AND c.confirmed_at > u.unsubscribed_at)""")
                .setParameter(1, address).setParameter(2, list).getResultList();
        return SqlValues.instant(rows.isEmpty() ? null : rows.get(0));
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new InvalidEventException(reason);
        }
    }
}
