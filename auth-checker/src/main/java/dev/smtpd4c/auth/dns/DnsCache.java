package dev.smtpd4c.auth.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A bounded answer cache that honours TTLs. Least recently used entries go first when full, so a
 * flood of distinct names (say, a spammer's random subdomains) cannot grow memory without bound.
 * Failures are never cached: a timeout now says nothing about the next query.
 */
final class DnsCache {

    /** Longest time an answer is kept whatever its TTL says, so a typo in a zone does not stick for days. */
    static final long MAX_TTL_SECONDS = 86_400;

    private record Cached(DnsAnswer<?> answer, long expiresAtNanos) {}

    private final int capacity;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Cached> entries;

    DnsCache(int capacity, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > DnsCache.this.capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    synchronized <T> DnsAnswer<T> get(String key) {
        Cached e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.expiresAtNanos() >= 0) {
            entries.remove(key);
            return null;
        }
        return (DnsAnswer<T>) e.answer();
    }

    synchronized void put(String key, DnsAnswer<?> answer, long ttlSeconds) {
        if (capacity <= 0 || ttlSeconds <= 0 || answer.status() == DnsAnswer.Status.TEMPFAIL) {
            return;
        }
        long ttl = Math.min(ttlSeconds, MAX_TTL_SECONDS);
        entries.put(key, new Cached(answer, nanoClock.getAsLong() + ttl * 1_000_000_000L));
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.clear();
    }
}
