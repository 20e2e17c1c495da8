package dev.smtpd4c.sunset.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.sunset.config.SqlValues;
import dev.smtpd4c.sunset.policy.RecipientActivity;
import dev.smtpd4c.sunset.policy.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Statuses in the engagement table: keyset-paged reads and one set-based update per batch. */
@ApplicationScoped
public class StatusRepository {

    private static final String COLUMNS = "recipient, stream, status, last_strong_at, last_opened_at, opens_since_strong, "
            + "sends_since_strong, first_seen_at, hard_bounces, complaints, status_reason, last_hard_bounce_at, pinned_until, "
            + "status_changed_at";

    private final EntityManager em;
    private final ObjectMapper json;

    public StatusRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Up to {@code limit} rows after the key (afterRecipient, afterStream), in primary-key order. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<StatusRow> page(String afterRecipient, String afterStream, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM engagement WHERE (recipient, stream) > (?1, ?2) "
                + "ORDER BY recipient, stream LIMIT ?3").setParameter(1, afterRecipient).setParameter(2, afterStream)
                .setParameter(3, limit).getResultList();
        return rows.stream().map(StatusRepository::row).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<StatusRow> of(String recipient) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM engagement WHERE recipient = ?1 ORDER BY stream")
                .setParameter(1, recipient).getResultList();
        return rows.stream().map(StatusRepository::row).toList();
    }

    /**
     * Applies every change of a batch in one statement and returns those applied: a row whose status
     * moved meanwhile (a consumer suspended it since the batch was read) is left alone, and the next
     * evaluation decides it again, so a stale decision never overwrites a newer one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<StatusChange> apply(List<StatusChange> changes, Instant at) {
        if (changes.isEmpty()) {
            return changes;
        }
        String batch;
        try {
            batch = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise status changes", e);
        }
        List<Object[]> applied = em.createNativeQuery("""
                UPDATE engagement e SET status = x."toStatus", status_reason = x.reason, status_changed_at = ?2
                FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS x(recipient text, stream text, "fromStatus" text, "toStatus" text,
                    reason text)
                WHERE e.recipient = x.recipient AND e.stream = x.stream AND e.status = x."fromStatus"
                RETURNING e.recipient, e.stream""")
                .setParameter(1, batch).setParameter(2, at).getResultList();
        if (applied.size() == changes.size()) {
            return changes;
        }
        Set<String> keys = new HashSet<>();
        applied.forEach(r -> keys.add(r[0] + "\n" + r[1]));
        return changes.stream().filter(c -> keys.contains(c.recipient() + "\n" + c.stream())).toList();
    }

    private static StatusRow row(Object[] r) {
        RecipientActivity a = new RecipientActivity((String) r[0], (String) r[1], Status.valueOf((String) r[2]),
                SqlValues.instant(r[3]), SqlValues.instant(r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                SqlValues.instant(r[7]), ((Number) r[8]).intValue(), ((Number) r[9]).intValue());
        return new StatusRow(a, (String) r[10], SqlValues.instant(r[11]), SqlValues.instant(r[12]), SqlValues.instant(r[13]));
    }
}
