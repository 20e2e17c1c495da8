package dev.smtpd4c.bounce.ingest;

import dev.smtpd4c.bounce.BounceParser;
import dev.smtpd4c.bounce.BounceRecord;
import dev.smtpd4c.bounce.events.CloudEvent;
import dev.smtpd4c.bounce.events.EventTypes;
import dev.smtpd4c.bounce.metrics.AfterCommit;
import dev.smtpd4c.bounce.metrics.BounceMetrics;
import dev.smtpd4c.bounce.outbox.Outbox;
import dev.smtpd4c.bounce.suppression.EmailAddress;
import dev.smtpd4c.bounce.suppression.Kind;
import dev.smtpd4c.bounce.suppression.Suppression;
import dev.smtpd4c.bounce.suppression.SuppressionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Store once, then record: the input, one bounce row per result, the bounce or complaint event and
 * the suppression changes, all in one transaction. A repeated input returns what the first one gave.
 */
@ApplicationScoped
public class IngestService {

    private final BounceParser parser = new BounceParser();
    private final BounceRepository bounces;
    private final SuppressionService suppressions;
    private final Outbox outbox;
    private final BounceMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public IngestService(BounceRepository bounces, SuppressionService suppressions, Outbox outbox, BounceMetrics metrics,
            AfterCommit afterCommit, Clock clock) {
        this.bounces = bounces;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** Raw mail or mbox: parsed only when it was not stored before. */
    public IngestResult ingestRaw(String contentType, byte[] raw) {
        InboundMessage in = InboundMessage.raw(contentType, raw);
        byte[] sha = sha256(raw);
        Optional<IngestResult> earlier = QuarkusTransaction.requiringNew().call(() -> earlier(in, sha));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<BounceRecord> records = parser.parse(raw);
        return QuarkusTransaction.requiringNew().call(() -> store(in, records));
    }

    /** Stores {@code in} with its results in the caller's transaction (webhooks add their replay check to it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public IngestResult store(InboundMessage in, List<BounceRecord> records) {
        byte[] sha = sha256(in.raw());
        Optional<Long> id = bounces.insertInbound(in, sha, clock.instant());
        if (id.isEmpty()) {
            return earlier(in, sha).orElseThrow(); // stored meanwhile by a concurrent request
        }
        List<IngestResult.Result> results = new ArrayList<>();
        for (BounceRecord r : records) {
            results.add(record(id.get(), in.source(), r));
        }
        return new IngestResult(id.get(), false, results);
    }

    private IngestResult.Result record(long inboundId, String source, BounceRecord r) {
        Instant now = clock.instant();
        String recipient = EmailAddress.normalise(r.recipient());
        Bounce b = Bounce.of(inboundId, recipient, r, now);
        bounces.persist(b);
        Kind kind = Kind.of(r);
        if (kind == Kind.BOUNCE) {
            outbox.append(EventTypes.BOUNCE_EVENTS_TOPIC,
                    CloudEvent.of(EventTypes.BOUNCE_RECORDED, recipient, RecordedEvents.bounce(b, source), now));
        } else if (kind == Kind.COMPLAINT) {
            outbox.append(EventTypes.BOUNCE_EVENTS_TOPIC,
                    CloudEvent.of(EventTypes.COMPLAINT_RECORDED, recipient, RecordedEvents.complaint(b, source), now));
        }
        Optional<Suppression> s = suppressions.applyBounce(r, recipient, b.id, source,
                (reason, from) -> bounces.softBounceTimes(recipient, reason, from));
        afterCommit.run(() -> count(kind, b));
        return IngestResult.Result.of(b, s.map(x -> x.scope).orElse(null));
    }

    private void count(Kind kind, Bounce b) {
        switch (kind) {
            case COMPLAINT -> metrics.complaint(b.feedbackType, b.sendingDomain);
            case BOUNCE -> metrics.bounce(b.hard ? "hard" : "delayed".equalsIgnoreCase(b.action) ? "delayed" : "soft",
                    b.reason, b.sendingDomain, b.stream);
            default -> metrics.bounce(kind.id(), b.reason, b.sendingDomain, b.stream);
        }
    }

    private Optional<IngestResult> earlier(InboundMessage in, byte[] sha) {
        return bounces.findInbound(in, sha).map(id -> new IngestResult(id, true, bounces.byInbound(id).stream()
                .map(b -> IngestResult.Result.of(b, suppressions.scopeSuppressedBy(b.id).orElse(null))).toList()));
    }

    static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
