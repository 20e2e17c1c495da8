package dev.smtpd4c.sunset.subscription;

import dev.smtpd4c.sunset.events.SubscriberErased;
import dev.smtpd4c.sunset.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/**
 * subscriber.erased: deletes every row this service keeps about the address whose SHA-256 the event
 * names (engagement, subscriptions, suppressions, overrides, incident ids). The address is not in
 * the event, so the rows are found by hashing in SQL; erasures are rare, a scan is acceptable.
 * Published status events in the outbox go with its retention (smtpd4c.outbox.retention).
 */
@ApplicationScoped
public class SubscriberErasure {

    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** base64url without padding of SHA-256 of the normalised address, as optin-service computes it. */
    private static final String HASH_OF = "translate(rtrim(encode(sha256(convert_to(%s, 'UTF8')), 'base64'), '='), '+/', '-_')";

    private final EntityManager em;

    public SubscriberErasure(EntityManager em) {
        this.em = em;
    }

    /** Rows deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(SubscriberErased e) {
        if (e.addressHash() == null || !HASH.matcher(e.addressHash()).matches()) {
            throw new InvalidEventException("subscriber.erased without a valid addressHash (43 base64url characters)");
        }
        int n = 0;
        for (String[] t : new String[][] {{"engagement", "recipient"}, {"known_subscription", "address"}, {"suppression", "address"},
                {"status_override", "recipient"}, {"incident_key", "recipient"}}) {
            n += em.createNativeQuery("DELETE FROM " + t[0] + " WHERE " + HASH_OF.formatted(t[1]) + " = ?1")
                    .setParameter(1, e.addressHash()).executeUpdate();
        }
        return n;
    }
}
