package dev.smtpd4c.sunset.evaluation;

import dev.smtpd4c.sunset.config.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The evaluation_run table: which run is open, its fixed as-of time and the key it got to. */
@ApplicationScoped
public class EvaluationRuns {

    public record Run(UUID id, Instant asOf, String cursorRecipient, String cursorStream) {}

    private final EntityManager em;

    public EvaluationRuns(EntityManager em) {
        this.em = em;
    }

    /** The unfinished run, locked until the end of the transaction so replicas take batches one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Run lockOpen() {
        List<Object[]> rows = em.createNativeQuery("SELECT id, as_of, cursor_recipient, cursor_stream FROM evaluation_run "
                + "WHERE finished_at IS NULL FOR UPDATE").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Run((UUID) r[0], SqlValues.instant(r[1]), r[2] == null ? "" : (String) r[2], r[3] == null ? "" : (String) r[3]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Run open(Instant asOf, Instant now) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO evaluation_run (id, as_of, started_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, asOf).setParameter(3, now).executeUpdate();
        return new Run(id, asOf, "", "");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(UUID id, String recipient, String stream, int evaluated, int changed) {
        em.createNativeQuery("UPDATE evaluation_run SET cursor_recipient = ?2, cursor_stream = ?3, batches = batches + 1, "
                + "evaluated = evaluated + ?4, changed = changed + ?5 WHERE id = ?1").setParameter(1, id).setParameter(2, recipient)
                .setParameter(3, stream).setParameter(4, evaluated).setParameter(5, changed).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(UUID id, Instant now) {
        em.createNativeQuery("UPDATE evaluation_run SET finished_at = ?2 WHERE id = ?1").setParameter(1, id)
                .setParameter(2, now).executeUpdate();
    }
}
