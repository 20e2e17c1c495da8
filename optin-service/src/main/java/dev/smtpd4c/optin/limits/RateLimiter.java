package dev.smtpd4c.optin.limits;

import dev.smtpd4c.optin.token.TokenCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sliding-window log in PostgreSQL, so every replica counts the same requests. For a request that
 * touches several buckets (IP, address, domain) either all of them count it or none does; each
 * bucket is serialised by a transaction-scoped advisory lock, taken in a fixed order so two
 * requests cannot deadlock.
 */
@ApplicationScoped
public class RateLimiter {

    /** At most {@code max} requests per {@code window} for {@code key}; {@code max} ≤ 0 = no limit. */
    public record Bucket(String key, int max, Duration window) {}

    private final EntityManager em;
    private final Clock clock;

    public RateLimiter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Counts the request in every bucket and returns empty, or counts nothing and returns how long until all have room. */
    public Optional<Duration> acquire(List<Bucket> buckets) {
        List<Bucket> limited = buckets.stream().filter(b -> b.max() > 0)
                .map(b -> new Bucket(TokenCodec.sha256(b.key()), b.max(), b.window()))
                .sorted(Comparator.comparing(Bucket::key)).toList();
        if (limited.isEmpty()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Duration wait = Duration.ZERO;
            for (Bucket b : limited) {
                em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:k, 0)) as text)")
                        .setParameter("k", b.key()).getSingleResult();
            }
            for (Bucket b : limited) {
                Instant since = now.minus(b.window());
                long count = ((Number) em.createNativeQuery(
                        "select count(*) from rate_limit_hit where bucket = :b and hit_at > :since")
                        .setParameter("b", b.key()).setParameter("since", since).getSingleResult()).longValue();
                if (count >= b.max()) {
                    // the hit whose expiry leaves room for one more
                    long freeingMillis = ((Number) em.createNativeQuery("select cast(extract(epoch from hit_at) * 1000 as bigint)"
                            + " from rate_limit_hit where bucket = :b and hit_at > :since order by hit_at offset :o limit 1")
                            .setParameter("b", b.key()).setParameter("since", since).setParameter("o", (int) (count - b.max()))
                            .getSingleResult()).longValue();
                    Duration w = Duration.between(now, Instant.ofEpochMilli(freeingMillis).plus(b.window()));
                    wait = w.compareTo(wait) > 0 ? w : wait;
                    if (wait.isZero()) {
                        wait = Duration.ofMillis(1);
                    }
                }
            }
            if (!wait.isZero()) {
                return Optional.of(wait);
            }
            for (Bucket b : limited) {
                em.createNativeQuery("insert into rate_limit_hit (bucket, hit_at) values (:b, :t)")
                        .setParameter("b", b.key()).setParameter("t", now).executeUpdate();
            }
            return Optional.<Duration>empty();
        });
    }

    /** Deletes hits older than {@code horizon}; returns how many. */
    public int forgetBefore(Instant horizon) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from rate_limit_hit where hit_at < :h")
                .setParameter("h", horizon).executeUpdate());
    }
}
