package dev.smtpd4c.sunset.recipient;

import dev.smtpd4c.sunset.complaint.ComplaintRateMonitor;
import dev.smtpd4c.sunset.config.SqlValues;
import dev.smtpd4c.sunset.config.SunsetConfig;
import dev.smtpd4c.sunset.engagement.Addresses;
import dev.smtpd4c.sunset.policy.Status;
import dev.smtpd4c.sunset.rest.ProblemException;
import dev.smtpd4c.sunset.subscription.SubscriptionProjection;
import dev.smtpd4c.sunset.suppression.SuppressionProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The answers about one recipient, and manual overrides with their audit row and event. */
@ApplicationScoped
public class RecipientService {

    private final StatusRepository statuses;
    private final StatusEvents events;
    private final EntityManager em;
    private final Clock clock;
    private final List<String> exemptStreams;
    private final SuppressionProjection suppressions;
    private final SubscriptionProjection subscriptions;
    private final ComplaintRateMonitor complaintRates;

    public RecipientService(StatusRepository statuses, StatusEvents events, EntityManager em, Clock clock, SunsetConfig config,
            SuppressionProjection suppressions, SubscriptionProjection subscriptions, ComplaintRateMonitor complaintRates) {
        this.complaintRates = complaintRates;
        this.suppressions = suppressions;
        this.subscriptions = subscriptions;
        this.statuses = statuses;
        this.events = events;
        this.em = em;
        this.clock = clock;
        this.exemptStreams = config.policy().exemptStreams();
    }

    @Transactional
    public Answer maySend(String address, String stream, String sendingDomain) {
        String recipient = address(address);
        if (!Addresses.validStream(stream)) {
            throw ProblemException.badRequest("invalid-stream", "Invalid stream", "stream '" + stream
                    + "' must be given: lower-case letters, digits and '-', e.g. marketing or transactional");
        }
        Optional<SuppressionProjection.Suppression> suppressed = suppressions.of(recipient, stream);
        if (suppressed.isPresent()) {
            SuppressionProjection.Suppression s = suppressed.get();
            return new Answer(false, "suppressed (" + s.scope() + ") by bounce-service: " + s.reason()
                    + (s.detail().isEmpty() ? "" : " " + s.detail()) + " at " + s.at());
        }
        List<StatusRow> rows = statuses.of(recipient);
        Optional<StatusRow> suspended = rows.stream().filter(r -> r.activity().status() == Status.SUSPENDED).findFirst();
        if (suspended.isPresent()) {
            return new Answer(false, "suspended in stream " + suspended.get().activity().stream() + ": " + suspended.get().statusReason());
        }
        if (exemptStreams.contains(stream)) {
            return new Answer(true, "stream " + stream + " is only stopped by a suppression or suspension");
        }
        if (sendingDomain != null && !sendingDomain.isBlank()) {
            String domain = sendingDomain.strip().toLowerCase(Locale.ROOT);
            Optional<String> paused = complaintRates.pauseOf(domain, stream);
            if (paused.isPresent()) {
                return new Answer(false, "stream " + stream + " from " + domain + " is paused: " + paused.get());
            }
        }
        Instant unsubscribed = subscriptions.unsubscribedAt(recipient, stream);
        if (unsubscribed != null) {
            return new Answer(false, "unsubscribed from " + stream + " at " + unsubscribed);
        }
        Optional<StatusRow> row = rows.stream().filter(r -> r.activity().stream().equals(stream)).findFirst();
        if (row.isEmpty()) {
            return new Answer(true, "no engagement history in stream " + stream + " yet: not judged");
        }
        String why = row.get().statusReason() == null ? "" : ": " + row.get().statusReason();
        return switch (row.get().activity().status()) {
            case ACTIVE -> new Answer(true, "active" + why);
            case REDUCED -> new Answer(true, "reduced frequency" + why);
            case RECONFIRM -> new Answer(false, "waiting for re-confirmation" + why);
            case SUNSET -> new Answer(false, "sunset" + why);
            case SUSPENDED -> throw new IllegalStateException("handled above");
        };
    }

    public record StreamStatus(String stream, Status status, String reason, Instant changedAt, Instant pinnedUntil, int sendsSinceStrong,
            Instant lastStrongAt, int hardBounces, int complaints) {}

    public record OverrideAudit(String stream, String fromStatus, String toStatus, String reason, String actor, Instant pinnedUntil,
            Instant at) {}

    public record Standing(String recipient, List<StreamStatus> streams, List<OverrideAudit> overrides) {}

    /** What this service knows about one recipient, for an operator: 404 when nothing. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Standing standing(String address) {
        String recipient = address(address);
        List<StreamStatus> streams = statuses.of(recipient).stream().map(r -> new StreamStatus(r.activity().stream(),
                r.activity().status(), r.statusReason(), r.statusChangedAt(), r.pinnedUntil(), r.activity().sendsSinceStrong(),
                r.activity().lastStrongAt(), r.activity().hardBounces(), r.activity().complaints())).toList();
        List<Object[]> rows = em.createNativeQuery("SELECT stream, from_status, to_status, reason, actor, pinned_until, created_at "
                + "FROM status_override WHERE recipient = ?1 ORDER BY created_at DESC").setParameter(1, recipient).getResultList();
        List<OverrideAudit> overrides = rows.stream().map(r -> new OverrideAudit((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], SqlValues.instant(r[5]), SqlValues.instant(r[6]))).toList();
        if (streams.isEmpty() && overrides.isEmpty()) {
            throw new ProblemException(404, "unknown-recipient", "Unknown recipient", "no engagement or override of " + recipient
                    + " is on record");
        }
        return new Standing(recipient, streams, overrides);
    }

    /** Should this user confirm at login that the address is still right? */
    @Transactional
    public Answer reconfirmAtLogin(String address) {
        String recipient = address(address);
        Optional<SuppressionProjection.Suppression> bounced = suppressions.hardBounce(recipient);
        if (bounced.isPresent()) {
            return new Answer(true, "suppressed after a hard bounce (" + bounced.get().detail() + ") at " + bounced.get().at());
        }
        for (StatusRow r : statuses.of(recipient)) {
            Status s = r.activity().status();
            if (s == Status.SUSPENDED || s == Status.RECONFIRM || s == Status.SUNSET) {
                return new Answer(true, s.name().toLowerCase() + " in stream " + r.activity().stream() + ": " + r.statusReason());
            }
            Instant strong = r.activity().lastStrongAt();
            if (r.lastHardBounceAt() != null && (strong == null || r.lastHardBounceAt().isAfter(strong))) {
                return new Answer(true, "hard bounce at " + r.lastHardBounceAt() + " in stream " + r.activity().stream()
                        + " with no engagement since");
            }
        }
        return new Answer(false, "no hard bounce, suspension or long silence on record");
    }

    @Transactional
    public StatusChange override(String address, OverrideRequest req) {
        String recipient = address(address);
        Status to = parseRequest(req);
        Instant now = clock.instant();
        Status from = statuses.of(recipient).stream().filter(r -> r.activity().stream().equals(req.stream()))
                .map(r -> r.activity().status()).findFirst().orElse(Status.ACTIVE);
        // Lifting a suspension forgives the bounces and complaints so far, or the next evaluation would suspend again.
        em.createNativeQuery("""
                INSERT INTO engagement (recipient, stream, first_seen_at, status, status_reason, status_changed_at, pinned_until)
                VALUES (?1, ?2, ?3, ?4, ?5, ?3, ?6)
                ON CONFLICT (recipient, stream) DO UPDATE SET status = EXCLUDED.status, status_reason = EXCLUDED.status_reason,
                    status_changed_at = EXCLUDED.status_changed_at, pinned_until = EXCLUDED.pinned_until,
                    hard_bounces = CASE WHEN EXCLUDED.status = 'ACTIVE' THEN 0 ELSE engagement.hard_bounces END,
                    complaints = CASE WHEN EXCLUDED.status = 'ACTIVE' THEN 0 ELSE engagement.complaints END""")
                .setParameter(1, recipient).setParameter(2, req.stream()).setParameter(3, now).setParameter(4, to.name())
                .setParameter(5, "override by " + req.actor() + ": " + req.reason())
                .setParameter(6, req.pinnedUntil() == null ? Instant.parse("9999-12-31T00:00:00Z") : req.pinnedUntil())
                .executeUpdate();
        UUID auditId = UUID.randomUUID(); // also the event's id: the announcement names its audit row
        em.createNativeQuery("""
                INSERT INTO status_override (id, recipient, stream, from_status, to_status, reason, actor, pinned_until, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, auditId).setParameter(2, recipient).setParameter(3, req.stream())
                .setParameter(4, from.name()).setParameter(5, to.name()).setParameter(6, req.reason()).setParameter(7, req.actor())
                .setParameter(8, req.pinnedUntil()).setParameter(9, now).executeUpdate();
        StatusChange change = new StatusChange(recipient, req.stream(), from, to, "override by " + req.actor() + ": " + req.reason());
        if (from != to) {
            events.changed(change, "override", now, auditId);
        }
        return change;
    }

    private static Status parseRequest(OverrideRequest req) {
        if (req == null || !Addresses.validStream(req.stream()) || req.reason() == null || req.reason().isBlank()
                || req.actor() == null || req.actor().isBlank()) {
            throw ProblemException.badRequest("invalid-override", "Invalid override",
                    "stream, status, reason and actor are required; the audit trail needs who and why");
        }
        try {
            return Status.valueOf(String.valueOf(req.status()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-override", "Invalid override",
                    "status '" + req.status() + "' is not one of ACTIVE, REDUCED, RECONFIRM, SUNSET, SUSPENDED");
        }
    }

    private static String address(String raw) {
        return Addresses.normalise(raw).orElseThrow(() -> ProblemException.badRequest("invalid-address", "Invalid address",
                "'" + raw + "' is not an e-mail address"));
    }
}
