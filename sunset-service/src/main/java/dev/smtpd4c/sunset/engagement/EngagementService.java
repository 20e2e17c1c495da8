package dev.smtpd4c.sunset.engagement;

import dev.smtpd4c.sunset.complaint.ComplaintRateBuckets;
import dev.smtpd4c.sunset.evaluation.EvaluationService;
import dev.smtpd4c.sunset.events.EventTypes;
import dev.smtpd4c.sunset.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Engagement intake from REST and Kafka: validates, drops events already applied, and upserts per key. */
@ApplicationScoped
public class EngagementService {

    public static final int MAX_BATCH = 10_000;
    /** Clocks of the mail system drift; an event further in the future is a bug upstream, not an engagement. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

    private final EngagementRepository repository;
    private final IncidentLedger incidents;
    private final ComplaintRateBuckets rates;
    private final EvaluationService evaluation;
    private final Clock clock;

    public EngagementService(EngagementRepository repository, IncidentLedger incidents, ComplaintRateBuckets rates,
            EvaluationService evaluation, Clock clock) {
        this.evaluation = evaluation;
        this.repository = repository;
        this.incidents = incidents;
        this.rates = rates;
        this.clock = clock;
    }

    /** One event as the REST API and the Kafka intake take it; sendingDomain and messageId are optional. */
    public record Item(UUID id, String recipient, String stream, String type, Instant at, String sendingDomain, String messageId) {}

    public record Accepted(int applied, int duplicates) {}

    /** A REST batch: all or nothing, so a bad item leaves every stored row as it was. */
    @Transactional
    public Accepted recordBatch(List<Item> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw ProblemException.badRequest("engagement-batch-size", "Bad engagement batch size",
                    "send between 1 and " + MAX_BATCH + " events per request");
        }
        List<Engagement> valid = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            try {
                valid.add(validate(it == null ? new Item(null, null, null, null, null, null, null) : it));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-engagement", "Invalid engagement event", "event " + i + ": " + e.getMessage());
            }
        }
        Set<String> fresh = new HashSet<>();
        repository.markNew(valid.stream().map(e -> e.id().toString()).toList(), EventTypes.ENGAGEMENT_RECORDED)
                .forEach(id -> fresh.add(id.toString()));
        // fresh.remove keeps only the first of two items with one id in the same batch
        List<Engagement> apply = incidents.withoutRepeatedIncidents(
                valid.stream().filter(e -> fresh.remove(e.id().toString())).toList());
        repository.upsert(EngagementDelta.of(apply));
        rates.count(apply);
        apply.stream().filter(e -> e.type().decidedAtOnce()).forEach(e -> evaluation.reevaluate(e.recipient(), e.stream(), e.id()));
        return new Accepted(apply.size(), items.size() - apply.size());
    }

    /**
     * One event whose id the caller already recorded as processed (the Kafka consumers), in its
     * transaction; false when it was a hard bounce or complaint already counted from another source.
     * Hard bounces, complaints and confirmations are decided at once (a second complaint suspends now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordNew(Engagement e) {
        if (e.type().incident && !incidents.firstTime(e)) {
            return false;
        }
        repository.upsert(EngagementDelta.of(List.of(e)));
        rates.count(List.of(e));
        if (e.type().decidedAtOnce()) {
            evaluation.reevaluate(e.recipient(), e.stream(), e.id());
        }
        return true;
    }

    /** The validated form of an item; the message names the field that is wrong. */
    public Engagement validate(Item it) {
        if (it.id() == null) {
            throw new IllegalArgumentException("id is required (a UUID; it makes a resent event harmless)");
        }
        String recipient = Addresses.normalise(it.recipient())
                .orElseThrow(() -> new IllegalArgumentException("recipient '" + it.recipient() + "' is not an address"));
        if (!Addresses.validStream(it.stream())) {
            throw new IllegalArgumentException("stream '" + it.stream() + "' must be lower-case letters, digits and '-'");
        }
        EngagementType type = EngagementType.ofWire(it.type())
                .orElseThrow(() -> new IllegalArgumentException("type '" + it.type() + "' is not one of sent, delivered, "
                        + "opened, clicked, replied, logged-in, converted, hard-bounced, complained"));
        if (it.at() == null || it.at().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new IllegalArgumentException("at is missing or in the future: " + it.at());
        }
        String domain = it.sendingDomain() == null || it.sendingDomain().isEmpty() ? null : it.sendingDomain().toLowerCase(Locale.ROOT);
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("sendingDomain '" + it.sendingDomain() + "' is not a domain name");
        }
        if (it.messageId() != null && it.messageId().length() > 998) {
            throw new IllegalArgumentException("messageId is longer than 998 characters");
        }
        List<String> ids = it.messageId() == null || it.messageId().isBlank() ? List.of() : List.of(it.messageId().strip());
        return new Engagement(it.id(), recipient, it.stream(), type, it.at(), domain, ids);
    }
}
