package dev.smtpd4c.bounce.suppression;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The suppression list and its audit trail. */
@ApplicationScoped
public class SuppressionRepository implements PanacheRepository<Suppression> {

    /**
     * Adds {@code s} unless the address is already suppressed in that scope; true when it was added.
     * ON CONFLICT on the partial unique index, so two requests racing for one address add one row.
     */
    public boolean insertIfAbsent(Suppression s) {
        List<?> id = getEntityManager().createNativeQuery("""
                INSERT INTO suppression (address, scope, reason, detail, source, actor, bounce_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (address, scope) WHERE lifted_at IS NULL DO NOTHING RETURNING id""")
                .setParameter(1, s.address).setParameter(2, s.scope).setParameter(3, s.reason).setParameter(4, s.detail)
                .setParameter(5, s.source).setParameter(6, s.actor).setParameter(7, s.bounceId).setParameter(8, s.createdAt)
                .getResultList();
        id.stream().findFirst().ifPresent(n -> s.id = ((Number) n).longValue());
        return !id.isEmpty();
    }

    public Optional<Suppression> active(String address, String scope) {
        return find("address = ?1 and scope = ?2 and liftedAt is null", address, scope).firstResultOptional();
    }

    public List<Suppression> active(String address) {
        return list("address = ?1 and liftedAt is null order by scope", address);
    }

    /** Active entries after {@code afterId} in id order (keyset paging: stable under inserts, no OFFSET scans). */
    public List<Suppression> page(Optional<String> scope, long afterId, int limit) {
        return scope.map(sc -> find("scope = ?1 and liftedAt is null and id > ?2 order by id", sc, afterId))
                .orElseGet(() -> find("liftedAt is null and id > ?1 order by id", afterId))
                .page(0, limit).list();
    }

    public Optional<Suppression> byBounce(long bounceId) {
        return find("bounceId = ?1", bounceId).firstResultOptional();
    }

    public void audit(Suppression s, String action, String actor, String why, Instant at) {
        getEntityManager().persist(SuppressionAudit.of(s, action, actor, why, at));
    }

    public List<SuppressionAudit> history(String address) {
        return getEntityManager().createQuery("from SuppressionAudit where address = ?1 order by id", SuppressionAudit.class)
                .setParameter(1, address).getResultList();
    }
}
