package dev.smtpd4c.sunset.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of events adds to one (recipient, stream) row, so the batch is a single upsert
 * with one source row per key (PostgreSQL refuses to update a row twice in one statement).
 * Counters "since strong" count the batch's events after the batch's own last strong engagement;
 * the upsert decides whether they restart the stored counters or add to them.
 */
public record EngagementDelta(String recipient, String stream, Instant firstSeenAt, Instant lastSentAt,
        Instant lastDeliveredAt, Instant lastOpenedAt, Instant lastClickedAt, Instant lastRepliedAt,
        Instant lastLoggedInAt, Instant lastConvertedAt, Instant lastStrongAt, Instant lastHardBounceAt,
        int sendsTotal, int sendsSinceStrong, int opensTotal, int opensSinceStrong, int hardBounces, int complaints) {

    public static List<EngagementDelta> of(List<Engagement> events) {
        Map<String, List<Engagement>> byKey = new LinkedHashMap<>();
        for (Engagement e : events) {
            byKey.computeIfAbsent(e.recipient() + "\n" + e.stream(), k -> new ArrayList<>()).add(e);
        }
        return byKey.values().stream().map(EngagementDelta::ofOneKey).toList();
    }

    private static EngagementDelta ofOneKey(List<Engagement> events) {
        Engagement first = events.get(0);
        Instant strong = latest(events, null);
        int sends = 0, sendsAfter = 0, opens = 0, opensAfter = 0, bounces = 0, complaints = 0;
        for (Engagement e : events) {
            boolean after = strong == null || e.at().isAfter(strong);
            switch (e.type()) {
                case SENT -> { sends++; sendsAfter += after ? 1 : 0; }
                case OPENED -> { opens++; opensAfter += after ? 1 : 0; }
                case HARD_BOUNCED -> bounces++;
                case COMPLAINED -> complaints++;
                default -> { }
            }
        }
        Instant firstSeen = events.stream().map(Engagement::at).min(Comparator.naturalOrder()).orElseThrow();
        return new EngagementDelta(first.recipient(), first.stream(), firstSeen,
                latest(events, EngagementType.SENT), latest(events, EngagementType.DELIVERED), latest(events, EngagementType.OPENED),
                latest(events, EngagementType.CLICKED), latest(events, EngagementType.REPLIED), latest(events, EngagementType.LOGGED_IN),
                latest(events, EngagementType.CONVERTED), strong, latest(events, EngagementType.HARD_BOUNCED),
                sends, sendsAfter, opens, opensAfter, bounces, complaints);
    }

    /** Latest time of {@code type}, or of any strong type when {@code type} is null. */
    private static Instant latest(List<Engagement> events, EngagementType type) {
        return events.stream().filter(e -> type == null ? e.type().strong : e.type() == type)
                .map(Engagement::at).max(Comparator.naturalOrder()).orElse(null);
    }
}
