package dev.smtpd4c.auth.subscription;

import dev.smtpd4c.auth.events.SubscriptionRequested;
import dev.smtpd4c.auth.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The subscriptions optin-service announced, as this service keeps them (foundation slice). */
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
}
