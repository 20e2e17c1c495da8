package dev.smtpd4c.bounce.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** What the webhook tests look for in the database: rows about one recipient. */
final class Stored {

    private Stored() {}

    static long inbound(EntityManager em, String recipient) {
        return count(em, "SELECT count(*) FROM inbound_message WHERE convert_from(raw, 'UTF8') LIKE ?1", "%" + recipient + "%");
    }

    static long bounces(EntityManager em, String recipient) {
        return count(em, "SELECT count(*) FROM bounce WHERE recipient = ?1", recipient);
    }

    static long suppressions(EntityManager em, String recipient) {
        return count(em, "SELECT count(*) FROM suppression WHERE address = ?1 AND lifted_at IS NULL", recipient);
    }

    private static long count(EntityManager em, String sql, String param) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue());
    }
}
