package dev.smtpd4c.bounce.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens of signed webhook requests already accepted. Claimed in the transaction that stores the
 * request, so a request that fails to store can be retried with its token, and one that was stored
 * cannot be played again.
 */
@ApplicationScoped
public class WebhookTokens {

    private final EntityManager em;

    public WebhookTokens(EntityManager em) {
        this.em = em;
    }

    /** Claims {@code token}; throws 403 if it was used before. Tokens past twice the replay window are forgotten. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(String provider, String token, Instant now, Duration window) {
        em.createNativeQuery("DELETE FROM webhook_token WHERE provider = ?1 AND seen_at < ?2")
                .setParameter(1, provider).setParameter(2, now.minus(window.multipliedBy(2))).executeUpdate();
        int added = em.createNativeQuery("INSERT INTO webhook_token (provider, token, seen_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, provider).setParameter(2, token).setParameter(3, now).executeUpdate();
        if (added == 0) {
            throw WebhookRejected.stale(provider, "the token was used before");
        }
    }
}
