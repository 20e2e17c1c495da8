package dev.smtpd4c.sunset.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Counts a hard bounce or complaint of one message once, whichever source reported it first:
 * bounce-service's event carries the X-SMTPD4C-Message-ID and the Message-ID, the engagement feed
 * one of them. Every id an incident was seen under is kept, so a later report under any of them is
 * recognised. One recipient's reports are serialised by an advisory lock, so two consumers applying
 * the same complaint at the same moment cannot both count it.
 */
@ApplicationScoped
public class IncidentLedger {

    private final EntityManager em;

    public IncidentLedger(EntityManager em) {
        this.em = em;
    }

    /** True the first time; false when any of {@code e}'s message ids was already recorded for this kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(Engagement e) {
        String[] keys = e.messageIds().isEmpty() ? new String[] {"event:" + e.id()} : e.messageIds().toArray(String[]::new);
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, e.recipient()).getSingleResult();
        long known = ((Number) em.createNativeQuery("SELECT count(*) FROM incident_key WHERE recipient = ?1 AND kind = ?2 "
                + "AND message_key = ANY(?3)").setParameter(1, e.recipient()).setParameter(2, e.type().name())
                .setParameter(3, keys).getSingleResult()).longValue();
        // Learn every id even of a known incident: a third report may name only the new one.
        em.createNativeQuery("INSERT INTO incident_key (recipient, kind, message_key) SELECT ?1, ?2, k FROM unnest(?3) AS k "
                + "ON CONFLICT DO NOTHING").setParameter(1, e.recipient()).setParameter(2, e.type().name())
                .setParameter(3, keys).executeUpdate();
        return known == 0;
    }

    /** The events of a batch to apply: all but repeated hard bounces and complaints. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Engagement> withoutRepeatedIncidents(List<Engagement> events) {
        return events.stream().filter(e -> !e.type().incident || firstTime(e)).toList();
    }
}
