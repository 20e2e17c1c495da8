package dev.smtpd4c.sunset.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The engagement table, written by one set-based upsert per batch (the batch travels as one JSON parameter). */
@ApplicationScoped
public class EngagementRepository {

    private static final String UPSERT = """
            INSERT INTO engagement AS e (recipient, stream, first_seen_at, last_sent_at, last_delivered_at, last_opened_at,
                last_clicked_at, last_replied_at, last_logged_in_at, last_converted_at, last_strong_at, last_hard_bounce_at,
                sends_total, sends_since_strong, opens_total, opens_since_strong, hard_bounces, complaints)
            SELECT * FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS x(recipient text, stream text, "firstSeenAt" timestamptz,
                "lastSentAt" timestamptz, "lastDeliveredAt" timestamptz, "lastOpenedAt" timestamptz, "lastClickedAt" timestamptz,
                "lastRepliedAt" timestamptz, "lastLoggedInAt" timestamptz, "lastConvertedAt" timestamptz, "lastStrongAt" timestamptz,
                "lastHardBounceAt" timestamptz, "sendsTotal" int, "sendsSinceStrong" int, "opensTotal" int,
                "opensSinceStrong" int, "hardBounces" int, "complaints" int)
            ON CONFLICT (recipient, stream) DO UPDATE SET
                first_seen_at = LEAST(e.first_seen_at, EXCLUDED.first_seen_at),
                last_sent_at = GREATEST(e.last_sent_at, EXCLUDED.last_sent_at),
                last_delivered_at = GREATEST(e.last_delivered_at, EXCLUDED.last_delivered_at),
                last_opened_at = GREATEST(e.last_opened_at, EXCLUDED.last_opened_at),
                last_clicked_at = GREATEST(e.last_clicked_at, EXCLUDED.last_clicked_at),
                last_replied_at = GREATEST(e.last_replied_at, EXCLUDED.last_replied_at),
                last_logged_in_at = GREATEST(e.last_logged_in_at, EXCLUDED.last_logged_in_at),
                last_converted_at = GREATEST(e.last_converted_at, EXCLUDED.last_converted_at),
                last_strong_at = GREATEST(e.last_strong_at, EXCLUDED.last_strong_at),
                last_hard_bounce_at = GREATEST(e.last_hard_bounce_at, EXCLUDED.last_hard_bounce_at),
                sends_total = e.sends_total + EXCLUDED.sends_total,
                opens_total = e.opens_total + EXCLUDED.opens_total,
                -- A newer strong engagement restarts the counters; otherwise the batch adds to them.
                -- (Late sends older than the stored strong engagement are counted too: a slight
                -- over-count that only makes the minimum-sends guard pass a little earlier.)
                sends_since_strong = CASE WHEN EXCLUDED.last_strong_at > COALESCE(e.last_strong_at, '-infinity')
                    THEN EXCLUDED.sends_since_strong ELSE e.sends_since_strong + EXCLUDED.sends_since_strong END,
                opens_since_strong = CASE WHEN EXCLUDED.last_strong_at > COALESCE(e.last_strong_at, '-infinity')
                    THEN EXCLUDED.opens_since_strong ELSE e.opens_since_strong + EXCLUDED.opens_since_strong END,
                hard_bounces = e.hard_bounces + EXCLUDED.hard_bounces,
                complaints = e.complaints + EXCLUDED.complaints""";

    private final EntityManager em;
    private final ObjectMapper json;

    public EngagementRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(List<EngagementDelta> deltas) {
        if (!deltas.isEmpty()) {
            em.createNativeQuery(UPSERT).setParameter(1, write(deltas)).executeUpdate();
        }
    }

    /** Records the ids as processed and returns those that were new, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Object> markNew(List<String> ids, String eventType) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (event_id, event_type)
                SELECT CAST(j AS uuid), ?2 FROM jsonb_array_elements_text(CAST(?1 AS jsonb)) AS j
                ON CONFLICT DO NOTHING RETURNING CAST(event_id AS text)""")
                .setParameter(1, write(ids)).setParameter(2, eventType).getResultList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an engagement batch", e);
        }
    }
}
