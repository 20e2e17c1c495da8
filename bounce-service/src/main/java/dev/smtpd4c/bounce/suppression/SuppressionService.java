package dev.smtpd4c.bounce.suppression;

import dev.smtpd4c.bounce.BounceRecord;
import dev.smtpd4c.bounce.events.CloudEvent;
import dev.smtpd4c.bounce.events.EventTypes;
import dev.smtpd4c.bounce.events.SuppressionAdded;
import dev.smtpd4c.bounce.events.SuppressionLifted;
import dev.smtpd4c.bounce.metrics.AfterCommit;
import dev.smtpd4c.bounce.metrics.BounceMetrics;
import dev.smtpd4c.bounce.outbox.Outbox;
import dev.smtpd4c.bounce.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every change of the suppression list: the row, its audit entry and its event in one transaction.
 * Adding what is already there changes nothing and announces nothing.
 */
@ApplicationScoped
public class SuppressionService {

    public static final String SERVICE_ACTOR = "bounce-service";
    private static final Pattern SCOPE = Pattern.compile("global|stream:[a-z0-9._-]{1,100}");

    private final SuppressionRepository repository;
    private final Outbox outbox;
    private final BounceMetrics metrics;
    private final AfterCommit afterCommit;
    private final SuppressionPolicy policy;
    private final Clock clock;

    public SuppressionService(SuppressionRepository repository, Outbox outbox, BounceMetrics metrics, AfterCommit afterCommit,
            SuppressionPolicy policy, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.policy = policy;
    }

    /** Applies the policy to one stored result, in the caller's transaction; the suppression it added, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Suppression> applyBounce(BounceRecord r, String address, long bounceId, String source,
            SuppressionPolicy.SoftHistory history) {
        SuppressionPolicy.Decision d = policy.decide(r, history);
        if (!d.suppress()) {
            return Optional.empty();
        }
        return add(address, d.scope(), d.reason(), d.detail(), source, SERVICE_ACTOR, bounceId);
    }

    /** An operator's suppression; empty when the address was already suppressed in that scope. */
    public Optional<Suppression> addManual(String rawAddress, String scope, String actor, String why) {
        String address = address(rawAddress);
        String sc = scope(scope);
        required("actor", actor);
        required("reason", why);
        return QuarkusTransaction.requiringNew().call(() -> add(address, sc, "manual", why.strip(), "api", actor.strip(), null));
    }

    public Suppression lift(String rawAddress, String scope, String actor, String why) {
        String address = address(rawAddress);
        String sc = scope(scope);
        required("actor", actor);
        required("reason", why);
        return QuarkusTransaction.requiringNew().call(() -> {
            Suppression s = repository.active(address, sc).orElseThrow(() -> new ProblemException(404, "not-suppressed",
                    "Not suppressed", address + " is not suppressed in scope " + sc + "; nothing was changed."));
            Instant now = clock.instant();
            s.liftedAt = now;
            s.liftedBy = actor.strip();
            s.liftReason = why.strip();
            repository.audit(s, "lifted", s.liftedBy, s.liftReason, now);
            outbox.append(EventTypes.SUPPRESSION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUPPRESSION_LIFTED, address,
                    new SuppressionLifted(address, sc, s.liftedBy, s.liftReason, now), now));
            return s;
        });
    }

    /** The scope a stored result suppressed, if it did (for replying to a repeated input). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> scopeSuppressedBy(long bounceId) {
        return repository.byBounce(bounceId).map(s -> s.scope);
    }

    public List<Suppression> active(String rawAddress) {
        String address = address(rawAddress);
        return QuarkusTransaction.requiringNew().call(() -> repository.active(address));
    }

    public List<SuppressionAudit> history(String rawAddress) {
        String address = address(rawAddress);
        return QuarkusTransaction.requiringNew().call(() -> repository.history(address));
    }

    public List<Suppression> page(Optional<String> scope, long afterId, int limit) {
        Optional<String> sc = scope.filter(s -> !s.isBlank()).map(SuppressionService::scope);
        return QuarkusTransaction.requiringNew().call(() -> repository.page(sc, afterId, limit));
    }

    private Optional<Suppression> add(String address, String scope, String reason, String detail, String source,
            String actor, Long bounceId) {
        Suppression s = new Suppression();
        s.address = address;
        s.scope = scope;
        s.reason = reason;
        s.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        s.source = source;
        s.actor = actor;
        s.bounceId = bounceId;
        s.createdAt = clock.instant();
        if (!repository.insertIfAbsent(s)) {
            return Optional.empty();
        }
        repository.audit(s, "added", actor, reason + ": " + s.detail, s.createdAt);
        outbox.append(EventTypes.SUPPRESSION_EVENTS_TOPIC, CloudEvent.of(EventTypes.SUPPRESSION_ADDED, address,
                new SuppressionAdded(address, scope, reason, s.detail, source, actor, s.createdAt), s.createdAt));
        afterCommit.run(() -> metrics.suppression(reason));
        return Optional.of(s);
    }

    private static String address(String raw) {
        return EmailAddress.parse(raw).map(EmailAddress::toString).orElseThrow(() -> ProblemException.badRequest(
                "invalid-address", "Invalid address", "'" + raw + "' is not a valid mailbox address (RFC 5321)."));
    }

    static String scope(String raw) {
        String s = raw == null || raw.isBlank() ? SuppressionPolicy.GLOBAL : raw.strip().toLowerCase(Locale.ROOT);
        if (!SCOPE.matcher(s).matches()) {
            throw ProblemException.badRequest("invalid-scope", "Invalid scope",
                    "scope must be 'global' or 'stream:<name>' (letters, digits, '.', '_', '-'), not '" + raw + "'.");
        }
        return s;
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 500) {
            throw ProblemException.badRequest("missing-" + name, "Missing " + name,
                    name + " is required (at most 500 characters): every change of the suppression list is audited.");
        }
    }
}
