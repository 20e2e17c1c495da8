package dev.smtpd4c.auth.sender;

import dev.smtpd4c.auth.domain.SenderDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** sender_observation and dmarc_report, in the caller's transaction. Counts are added in the database. */
@ApplicationScoped
public class SenderObservationRepository {

    private final EntityManager em;

    public SenderObservationRepository(EntityManager em) {
        this.em = em;
    }

    public List<RegisteredSender> registered() {
        return em.createQuery("from SenderDomain d order by d.domain", SenderDomain.class).getResultList().stream()
                .map(SenderObservationRepository::registered).toList();
    }

    public SenderDomain find(String domain) {
        return em.find(SenderDomain.class, domain);
    }

    public static RegisteredSender registered(SenderDomain d) {
        return RegisteredSender.of(d.domain, List.of(d.fromDomains), List.of(d.sendingIps), List.of(d.streams));
    }

    /** Adds the observation to its row, widening the seen period; the stream '' stands for "not known". */
    public void add(String domain, SenderObservation o) {
        em.createNativeQuery("""
                INSERT INTO sender_observation AS s (domain, stream, from_domain, ip, first_seen, last_seen, messages, last_source)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (domain, stream, from_domain, ip) DO UPDATE SET
                    first_seen = least(s.first_seen, EXCLUDED.first_seen),
                    last_seen = greatest(s.last_seen, EXCLUDED.last_seen),
                    messages = s.messages + EXCLUDED.messages,
                    last_source = EXCLUDED.last_source""")
                .setParameter(1, domain).setParameter(2, o.stream() == null ? "" : o.stream())
                .setParameter(3, o.fromDomain()).setParameter(4, o.ip())
                .setParameter(5, Timestamp.from(o.firstSeen())).setParameter(6, Timestamp.from(o.lastSeen()))
                .setParameter(7, o.messages()).setParameter(8, o.source()).executeUpdate();
    }

    /** False when this reporter's report id was applied before (the report is then not counted again). */
    public boolean addReport(String orgName, String reportId, String policyDomain, Instant begin, Instant end,
            int records, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO dmarc_report (org_name, report_id, policy_domain, date_begin, date_end, records, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, orgName).setParameter(2, reportId).setParameter(3, policyDomain)
                .setParameter(4, Timestamp.from(begin)).setParameter(5, Timestamp.from(end)).setParameter(6, records)
                .setParameter(7, Timestamp.from(now)).executeUpdate() == 1;
    }

    /** Rows of one domain, most recently seen first. */
    public List<SenderRow> list(String domain, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT stream, from_domain, ip, first_seen, last_seen, messages, last_source FROM sender_observation
                WHERE domain = ?1 ORDER BY last_seen DESC, stream, from_domain, ip LIMIT ?2""")
                .setParameter(1, domain).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new SenderRow(((String) r[0]).isEmpty() ? null : (String) r[0], (String) r[1],
                (String) r[2], instant(r[3]), instant(r[4]), ((Number) r[5]).longValue(), (String) r[6])).toList();
    }

    /** Every row seen since {@code since}, with its domain. */
    public List<UnexpectedSenders.Observation> seenSince(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT domain, stream, from_domain, ip, first_seen, last_seen, messages, last_source FROM sender_observation
                WHERE last_seen >= ?1""").setParameter(1, Timestamp.from(since)).getResultList();
        return rows.stream().map(r -> new UnexpectedSenders.Observation((String) r[0], new SenderRow(
                ((String) r[1]).isEmpty() ? null : (String) r[1], (String) r[2], (String) r[3], instant(r[4]),
                instant(r[5]), ((Number) r[6]).longValue(), (String) r[7]))).toList();
    }

    /** The newest observation the job had looked at when it last saw the key, if it ever did. */
    public java.util.Map<UnexpectedSenders.Key, Instant> alerts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT domain, stream, kind, value, last_seen FROM sender_alert")
                .getResultList();
        java.util.Map<UnexpectedSenders.Key, Instant> out = new java.util.HashMap<>();
        for (Object[] r : rows) {
            out.put(new UnexpectedSenders.Key((String) r[0], (String) r[1], SenderRules.Unexpected.valueOf((String) r[2]),
                    (String) r[3]), instant(r[4]));
        }
        return out;
    }

    /** Records that the key was announced now, having been seen last at {@code lastSeen}. */
    public void alerted(UnexpectedSenders.Key k, Instant now, Instant lastSeen) {
        em.createNativeQuery("""
                INSERT INTO sender_alert (domain, stream, kind, value, alerted_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (domain, stream, kind, value) DO UPDATE SET alerted_at = EXCLUDED.alerted_at,
                    last_seen = EXCLUDED.last_seen""")
                .setParameter(1, k.domain()).setParameter(2, k.stream()).setParameter(3, k.kind().name())
                .setParameter(4, k.value()).setParameter(5, Timestamp.from(now)).setParameter(6, Timestamp.from(lastSeen))
                .executeUpdate();
    }

    /** Moves the key's newest looked-at observation forward (it is still sending, so it has not started again). */
    public void lookedAt(UnexpectedSenders.Key k, Instant lastSeen) {
        em.createNativeQuery("""
                UPDATE sender_alert SET last_seen = ?5
                WHERE domain = ?1 AND stream = ?2 AND kind = ?3 AND value = ?4 AND last_seen < ?5""")
                .setParameter(1, k.domain()).setParameter(2, k.stream()).setParameter(3, k.kind().name())
                .setParameter(4, k.value()).setParameter(5, Timestamp.from(lastSeen)).executeUpdate();
    }

    /** Transaction-scoped: one replica compares and announces at a time. */
    public boolean tryLockDriftCheck() {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('smtpd4c-sender-drift'))")
                .getSingleResult();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }

    /** One stored row; stream null when not known. */
    public record SenderRow(String stream, String fromDomain, String ip, Instant firstSeen, Instant lastSeen,
            long messages, String lastSource) {}
}
