package dev.smtpd4c.sunset.engagement;

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
import java.util.Set;
import java.util.UUID;

/** Engagement intake from REST and Kafka: validates, drops events already applied, and upserts per key. */
@ApplicationScoped
public class EngagementService {

    public static final int MAX_BATCH = 10_000;
    /** Clocks of the mail system drift; an event further in the future is a bug upstream, not an engagement. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final EngagementRepository repository;
    private final Clock clock;

    public EngagementService(EngagementRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record Item(UUID id, String recipient, String stream, String type, Instant at) {}

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
                valid.add(validate(it == null ? new Item(null, null, null, null, null) : it));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-engagement", "Invalid engagement event", "event " + i + ": " + e.getMessage());
            }
        }
        Set<String> fresh = new HashSet<>();
        repository.markNew(valid.stream().map(e -> e.id().toString()).toList(), EventTypes.ENGAGEMENT_RECORDED)
                .forEach(id -> fresh.add(id.toString()));
        // fresh.remove keeps only the first of two items with one id in the same batch
        List<Engagement> apply = valid.stream().filter(e -> fresh.remove(e.id().toString())).toList();
        repository.upsert(EngagementDelta.of(apply));
        return new Accepted(apply.size(), items.size() - apply.size());
    }

    /** One event whose id the caller already recorded as processed (the Kafka consumer), in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordNew(Engagement e) {
        repository.upsert(EngagementDelta.of(List.of(e)));
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
        return new Engagement(it.id(), recipient, it.stream(), type, it.at());
    }
}
