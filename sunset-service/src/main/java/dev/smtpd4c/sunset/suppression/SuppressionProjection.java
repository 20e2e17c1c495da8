package dev.smtpd4c.sunset.suppression;

import dev.smtpd4c.sunset.config.SqlValues;
import dev.smtpd4c.sunset.events.SuppressionAdded;
import dev.smtpd4c.sunset.events.SuppressionLifted;
import dev.smtpd4c.sunset.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** bounce-service's suppression list as announced on suppression-events.v1: may-send answers no for a suppressed scope. */
@ApplicationScoped
public class SuppressionProjection {

    private static final Pattern SCOPE = Pattern.compile("global|stream:[a-z0-9._-]{1,100}");

    /** One suppression that applies to a stream. */
    public record Suppression(String scope, String reason, String detail, Instant at) {}

    private final EntityManager em;

    public SuppressionProjection(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void added(SuppressionAdded e) {
        if (e.address() == null || e.address().isBlank() || e.scope() == null || !SCOPE.matcher(e.scope()).matches()
                || e.reason() == null || e.suppressedAt() == null) {
            throw new InvalidEventException("suppression.added without address, a valid scope, reason or suppressedAt");
        }
        em.createNativeQuery("""
                INSERT INTO suppression (address, scope, reason, detail, suppressed_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (address, scope) DO UPDATE SET reason = EXCLUDED.reason, detail = EXCLUDED.detail,
                    suppressed_at = EXCLUDED.suppressed_at""")
                .setParameter(1, e.address()).setParameter(2, e.scope()).setParameter(3, e.reason())
                .setParameter(4, e.detail() == null ? "" : e.detail()).setParameter(5, e.suppressedAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lifted(SuppressionLifted e) {
        if (e.address() == null || e.scope() == null || !SCOPE.matcher(e.scope()).matches()) {
            throw new InvalidEventException("suppression.lifted without address or a valid scope");
        }
        em.createNativeQuery("DELETE FROM suppression WHERE address = ?1 AND scope = ?2")
                .setParameter(1, e.address()).setParameter(2, e.scope()).executeUpdate();
    }

    /** The suppression that stops mail to {@code address} in {@code stream}: global first, then the stream's own. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<Suppression> of(String address, String stream) {
        List<Object[]> rows = em.createNativeQuery("SELECT scope, reason, detail, suppressed_at FROM suppression "
                + "WHERE address = ?1 AND scope IN ('global', ?2) ORDER BY scope = 'global' DESC LIMIT 1")
                .setParameter(1, address).setParameter(2, "stream:" + stream).getResultList();
        return rows.stream().findFirst().map(SuppressionProjection::suppression);
    }

    /** A global suppression for a hard bounce: the address itself is gone, so the user should give a new one. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<Suppression> hardBounce(String address) {
        List<Object[]> rows = em.createNativeQuery("SELECT scope, reason, detail, suppressed_at FROM suppression "
                + "WHERE address = ?1 AND reason = 'hard-bounce' ORDER BY suppressed_at DESC LIMIT 1")
                .setParameter(1, address).getResultList();
        return rows.stream().findFirst().map(SuppressionProjection::suppression);
    }

    private static Suppression suppression(Object[] r) {
        return new Suppression((String) r[0], (String) r[1], (String) r[2], SqlValues.instant(r[3]));
    }
}
