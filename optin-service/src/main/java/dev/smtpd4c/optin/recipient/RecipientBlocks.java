package dev.smtpd4c.optin.recipient;

import dev.smtpd4c.optin.events.RecipientStatusChanged;
import dev.smtpd4c.optin.events.SuppressionAdded;
import dev.smtpd4c.optin.events.SuppressionLifted;
import dev.smtpd4c.optin.mail.TransactionalMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;

/**
 * This service's projection of the other services' word on a recipient: bounce-service's
 * suppressions and sunset-service's statuses. An address suppressed globally or for the
 * transactional stream, or SUSPENDED in any stream, gets no mail from this service.
 */
@ApplicationScoped
public class RecipientBlocks {

    public static final String TRANSACTIONAL_SCOPE = "stream:" + TransactionalMail.STREAM;

    private final EntityManager em;

    public RecipientBlocks(EntityManager em) {
        this.em = em;
    }

    /** True when no mail may go to {@code address}. One indexed round trip. */
    @Transactional
    public boolean blocked(String address) {
        return (Boolean) em.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM suppressed_address WHERE address = ?1 AND scope IN ('global', ?2))
                    OR EXISTS (SELECT 1 FROM recipient_status WHERE address = ?1 AND status = 'SUSPENDED')""")
                .setParameter(1, address).setParameter(2, TRANSACTIONAL_SCOPE).getSingleResult();
    }

    /** Idempotent upsert; the earliest suppression time of the scope is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suppressed(SuppressionAdded e) {
        em.createNativeQuery("""
                INSERT INTO suppressed_address (address, scope, reason, suppressed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (address, scope) DO NOTHING""")
                .setParameter(1, e.address()).setParameter(2, e.scope()).setParameter(3, e.reason())
                .setParameter(4, Timestamp.from(e.suppressedAt())).executeUpdate();
    }

    /** Only a lift newer than the suppression removes it, so an old lift replayed cannot undo a newer suppression. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lifted(SuppressionLifted e) {
        em.createNativeQuery("DELETE FROM suppressed_address WHERE address = ?1 AND scope = ?2 AND suppressed_at <= ?3")
                .setParameter(1, e.address()).setParameter(2, e.scope()).setParameter(3, Timestamp.from(e.liftedAt()))
                .executeUpdate();
    }

    /** Keeps the newest status per stream; false when {@code e} is older than what is stored (a replay), so it must not act. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean statusChanged(RecipientStatusChanged e) {
        return em.createNativeQuery("""
                INSERT INTO recipient_status AS r (address, stream, status, changed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (address, stream) DO UPDATE SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
                 WHERE r.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, e.recipient()).setParameter(2, e.stream()).setParameter(3, e.toStatus())
                .setParameter(4, Timestamp.from(e.changedAt())).executeUpdate() == 1;
    }
}
