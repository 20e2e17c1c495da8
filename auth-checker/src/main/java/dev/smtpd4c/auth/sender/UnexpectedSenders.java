package dev.smtpd4c.auth.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recent observations folded into what the registrations do not list, and when that deserves an
 * event: the first time, and after it was quiet for the quiet period. Pure.
 */
public final class UnexpectedSenders {

    /** One unregistered From domain or IP of one stream of one domain; stream '' when not known. */
    public record Key(String domain, String stream, SenderRules.Unexpected kind, String value) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return (domain + '\0' + stream + '\0' + kind + '\0' + value).compareTo(
                    o.domain + '\0' + o.stream + '\0' + o.kind + '\0' + o.value);
        }
    }

    /** What was seen of one key. */
    public record Item(Key key, Instant firstSeen, Instant lastSeen, long messages, List<String> sources) {}

    /** A stored observation row with the domain it belongs to. */
    public record Observation(String domain, SenderObservationRepository.SenderRow row) {}

    private UnexpectedSenders() {}

    /** Observations of domains no longer registered are skipped (the rows go with the domain). */
    public static List<Item> fold(Map<String, RegisteredSender> registered, List<Observation> observations) {
        Map<Key, Acc> acc = new TreeMap<>();
        for (Observation o : observations) {
            RegisteredSender owner = registered.get(o.domain());
            if (owner == null) {
                continue;
            }
            SenderObservationRepository.SenderRow r = o.row();
            for (SenderRules.Unexpected kind : SenderRules.unexpected(owner, r.fromDomain(), r.ip())) {
                Key key = new Key(o.domain(), r.stream() == null ? "" : r.stream(), kind,
                        kind == SenderRules.Unexpected.IP ? r.ip() : r.fromDomain());
                acc.computeIfAbsent(key, k -> new Acc()).add(r);
            }
        }
        List<Item> out = new ArrayList<>(acc.size());
        acc.forEach((k, a) -> out.add(new Item(k, a.first, a.last, a.messages, List.copyOf(a.sources))));
        return out;
    }

    /**
     * True when the item starts: never announced, or seen again after a gap of at least the quiet
     * period since the newest observation the last run had looked at.
     */
    public static boolean starts(Item item, Optional<Instant> lastLookedAt, Duration quiet) {
        return lastLookedAt.isEmpty() || !item.lastSeen().isBefore(lastLookedAt.get().plus(quiet));
    }

    private static final class Acc {
        Instant first;
        Instant last;
        long messages;
        final TreeSet<String> sources = new TreeSet<>();

        void add(SenderObservationRepository.SenderRow r) {
            first = first == null || r.firstSeen().isBefore(first) ? r.firstSeen() : first;
            last = last == null || r.lastSeen().isAfter(last) ? r.lastSeen() : last;
            messages += r.messages();
            sources.add(r.lastSource());
        }
    }
}
