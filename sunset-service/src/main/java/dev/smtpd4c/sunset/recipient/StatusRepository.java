package dev.smtpd4c.sunset.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.sunset.policy.RecipientActivity;
import dev.smtpd4c.sunset.policy.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Statuses in the engagement table: keyset-paged reads and one set-based update per batch. */
@ApplicationScoped
public class StatusRepository {

    private static final String COLUMNS = "recipient, stream, status, last_strong_at, last_opened_at, opens_since_strong, "
            + "sends_since_strong, first_seen_at, hard_bounces, complaints, status_reason, last_hard_bounce_at, pinned_until";

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

    /** Applies every change of a batch in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<StatusChange> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        String batch;
        try {
            batch = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise status changes", e);
        }
        em.createNativeQuery("""
                UPDATE engagement e SET status = x."toStatus", status_reason = x.reason, status_changed_at = ?2
                FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS x(recipient text, stream text, "toStatus" text, reason text)
                WHERE e.recipient = x.recipient AND e.stream = x.stream""")
                .setParameter(1, batch).setParameter(2, at).executeUpdate();
    }

    private static StatusRow row(Object[] r) {
        RecipientActivity a = new RecipientActivity((String) r[0], (String) r[1], Status.valueOf((String) r[2]), instant(r[3]),
                instant(r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), instant(r[7]), ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue());
        return new StatusRow(a, (String) r[10], instant(r[11]), instant(r[12]));
    }

    private static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + o.getClass());
        };
    }
}
