package dev.smtpd4c.sunset.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.sunset.engagement.Engagement;
import dev.smtpd4c.sunset.engagement.EngagementType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hourly sends and complaints per sending domain and stream, added to in the intake's transaction. */
@ApplicationScoped
public class ComplaintRateBuckets {

    record Bucket(String sendingDomain, String stream, Instant hour, long sends, long complaints) {}

    /** Sums of one domain and stream over each window. */
    public record Totals(String sendingDomain, String stream, long daySends, long dayComplaints, long weekSends,
            long weekComplaints) {}

    private final EntityManager em;
    private final ObjectMapper json;

    public ComplaintRateBuckets(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Counts the sends and complaints among {@code applied} that name their sending domain; one upsert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(List<Engagement> applied) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Bucket> keys = new LinkedHashMap<>();
        for (Engagement e : applied) {
            boolean send = e.type() == EngagementType.SENT;
            if (e.sendingDomain() == null || !(send || e.type() == EngagementType.COMPLAINED)) {
                continue;
            }
            Instant hour = e.at().truncatedTo(ChronoUnit.HOURS);
            String k = e.sendingDomain() + "\n" + e.stream() + "\n" + hour;
            keys.putIfAbsent(k, new Bucket(e.sendingDomain(), e.stream(), hour, 0, 0));
            sums.computeIfAbsent(k, x -> new long[2])[send ? 0 : 1]++;
        }
        if (keys.isEmpty()) {
            return;
        }
        List<Bucket> rows = keys.entrySet().stream().map(en -> {
            long[] s = sums.get(en.getKey());
            Bucket b = en.getValue();
            return new Bucket(b.sendingDomain(), b.stream(), b.hour(), s[0], s[1]);
        }).toList();
        String batch;
        try {
            batch = json.writeValueAsString(rows);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise complaint-rate buckets", ex);
        }
        em.createNativeQuery("""
                INSERT INTO complaint_rate_bucket AS b (sending_domain, stream, hour, sends, complaints)
                SELECT * FROM jsonb_to_recordset(CAST(?1 AS jsonb))
                    AS x("sendingDomain" text, stream text, hour timestamptz, sends bigint, complaints bigint)
                ON CONFLICT (sending_domain, stream, hour) DO UPDATE
                    SET sends = b.sends + EXCLUDED.sends, complaints = b.complaints + EXCLUDED.complaints""")
                .setParameter(1, batch).executeUpdate();
    }

    /** Every domain and stream with sends or complaints in the last week, with its day and week sums as of {@code now}. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Totals> totals(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT sending_domain, stream,
                    COALESCE(sum(sends) FILTER (WHERE hour > ?2), 0), COALESCE(sum(complaints) FILTER (WHERE hour > ?2), 0),
                    sum(sends), sum(complaints)
                FROM complaint_rate_bucket WHERE hour > ?1 AND hour <= ?3
                GROUP BY sending_domain, stream ORDER BY sending_domain, stream""")
                .setParameter(1, now.minus(RateWindow.WEEK.length)).setParameter(2, now.minus(RateWindow.DAY.length))
                .setParameter(3, now).getResultList();
        return rows.stream().map(r -> new Totals((String) r[0], (String) r[1], num(r[2]), num(r[3]), num(r[4]), num(r[5]))).toList();
    }

    /** Buckets older than the longest window are of no use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prune(Instant now) {
        em.createNativeQuery("DELETE FROM complaint_rate_bucket WHERE hour <= ?1")
                .setParameter(1, now.minus(RateWindow.WEEK.length).minus(RateWindow.DAY.length)).executeUpdate();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
