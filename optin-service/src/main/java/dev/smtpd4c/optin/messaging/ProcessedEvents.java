package dev.smtpd4c.optin.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Remembers applied event ids in the consumer's own transaction: a redelivered event finds its id
 * and changes nothing; if applying it fails, the id is rolled back with everything else.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** True the first time {@code id} is seen; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markIfNew(UUID id, String type) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, event_type) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, type).executeUpdate() == 1;
    }
}
