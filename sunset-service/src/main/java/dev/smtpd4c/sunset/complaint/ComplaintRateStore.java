package dev.smtpd4c.sunset.complaint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** complaint_rate_state and marketing_pause. */
@ApplicationScoped
public class ComplaintRateStore {

    record State(ComplaintLevel level, double rate, long sends, long complaints) {}

    private final EntityManager em;

    public ComplaintRateStore(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void lock() {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('smtpd4c-complaint-rate'))) AS l")
                .getSingleResult();
    }

    /** Stores the new judgement; returns the level before, if the window was judged before. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    Optional<ComplaintLevel> save(String domain, String stream, String window, ComplaintLevel level, double rate, long sends,
            long complaints, Instant at) {
        Optional<ComplaintLevel> before = state(domain, stream, window).map(State::level);
        em.createNativeQuery("""
                INSERT INTO complaint_rate_state (sending_domain, stream, time_window, level, rate, sends, complaints, evaluated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (sending_domain, stream, time_window) DO UPDATE SET level = EXCLUDED.level, rate = EXCLUDED.rate,
                    sends = EXCLUDED.sends, complaints = EXCLUDED.complaints, evaluated_at = EXCLUDED.evaluated_at""")
                .setParameter(1, domain).setParameter(2, stream).setParameter(3, window).setParameter(4, level.name())
                .setParameter(5, rate).setParameter(6, sends).setParameter(7, complaints).setParameter(8, at).executeUpdate();
        return before;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    Optional<State> state(String domain, String stream, String window) {
        List<Object[]> rows = em.createNativeQuery("SELECT level, rate, sends, complaints FROM complaint_rate_state "
                + "WHERE sending_domain = ?1 AND stream = ?2 AND time_window = ?3")
                .setParameter(1, domain).setParameter(2, stream).setParameter(3, window).getResultList();
        return rows.stream().findFirst().map(r -> new State(ComplaintLevel.valueOf((String) r[0]), ((Number) r[1]).doubleValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<String> pause(String domain, String stream) {
        List<Object> rows = em.createNativeQuery("SELECT reason FROM marketing_pause WHERE sending_domain = ?1 AND stream = ?2")
                .setParameter(1, domain).setParameter(2, stream).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void pauseMarketing(String domain, String stream, String reason, Instant at) {
        em.createNativeQuery("INSERT INTO marketing_pause (sending_domain, stream, reason, paused_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT DO NOTHING").setParameter(1, domain).setParameter(2, stream).setParameter(3, reason)
                .setParameter(4, at).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean resume(String domain, String stream) {
        return em.createNativeQuery("DELETE FROM marketing_pause WHERE sending_domain = ?1 AND stream = ?2")
                .setParameter(1, domain).setParameter(2, stream).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<ComplaintRateMonitor.Rate> all() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.sending_domain, s.stream, s.time_window, s.sends, s.complaints, s.rate, s.level, p.reason
                FROM complaint_rate_state s
                LEFT JOIN marketing_pause p ON p.sending_domain = s.sending_domain AND p.stream = s.stream
                ORDER BY s.sending_domain, s.stream, s.time_window""").getResultList();
        return rows.stream().map(r -> new ComplaintRateMonitor.Rate((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).doubleValue(),
                ComplaintLevel.valueOf((String) r[6]), r[7] != null, (String) r[7])).toList();
    }
}
