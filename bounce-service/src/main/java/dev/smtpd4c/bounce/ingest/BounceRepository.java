package dev.smtpd4c.bounce.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored inputs and their results. */
@ApplicationScoped
public class BounceRepository implements PanacheRepository<Bounce> {

    /** Stores {@code in} unless it is already there (same bytes or same provider event); the new id, or empty. */
    public Optional<Long> insertInbound(InboundMessage in, byte[] sha256, Instant now) {
        List<?> id = getEntityManager().createNativeQuery("""
                INSERT INTO inbound_message (sha256, source, provider_event_id, content_type, raw, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING RETURNING id""")
                .setParameter(1, sha256).setParameter(2, in.source())
                .setParameter(3, in.providerEventId().isEmpty() ? null : in.providerEventId())
                .setParameter(4, in.contentType()).setParameter(5, in.raw()).setParameter(6, now)
                .getResultList();
        return id.stream().map(n -> ((Number) n).longValue()).findFirst();
    }

    /** The id of the input stored earlier with these bytes or this provider event id. */
    public Optional<Long> findInbound(InboundMessage in, byte[] sha256) {
        List<?> id = getEntityManager().createNativeQuery("""
                SELECT id FROM inbound_message WHERE sha256 = ?1 OR (source = ?2 AND provider_event_id = ?3)""")
                .setParameter(1, sha256).setParameter(2, in.source()).setParameter(3, in.providerEventId())
                .getResultList();
        return id.stream().map(n -> ((Number) n).longValue()).findFirst();
    }

    public List<Bounce> byInbound(long inboundId) {
        return list("inboundMessageId = ?1 order by id", inboundId);
    }

    /** When the recipient soft-bounced for {@code reason} since {@code from}; delays are not failures and do not count. */
    public List<Instant> softBounceTimes(String recipient, String reason, Instant from) {
        return getEntityManager().createQuery("""
                select b.recordedAt from Bounce b where b.recipient = ?1 and b.reason = ?2 and b.kind = 'bounce'
                and b.hard = false and b.action <> 'delayed' and b.recordedAt >= ?3""", Instant.class)
                .setParameter(1, recipient).setParameter(2, reason).setParameter(3, from).getResultList();
    }
}
