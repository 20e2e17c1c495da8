package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per destination domain in PostgreSQL, so all replicas share one limit: refill at
 * per-second up to burst, one token per mail. One statement refills and takes a token atomically;
 * the row lock serialises concurrent senders to the same domain.
 */
@Startup // registers the throttled counter at start
@ApplicationScoped
public class DomainThrottle {

    private static final String TAKE = """
            INSERT INTO domain_throttle AS t (domain, tokens, updated_at) VALUES (?1, ?2 - 1, ?4)
            ON CONFLICT (domain) DO UPDATE
               SET tokens = LEAST(?2, t.tokens + EXTRACT(EPOCH FROM (?4 - t.updated_at)) * ?3) - 1, updated_at = ?4
             WHERE LEAST(?2, t.tokens + EXTRACT(EPOCH FROM (?4 - t.updated_at)) * ?3) >= 1""";

    private final EntityManager em;
    private final OptinConfig.Throttle config;
    private final Clock clock;
    private final Counter throttled;

    public DomainThrottle(EntityManager em, OptinConfig config, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.config = config.mail().throttle();
        this.clock = clock;
        this.throttled = Counter.builder("smtpd4c.mail.throttled")
                .description("Mails held back because their destination domain's token bucket was empty").register(registry);
    }

    /**
     * Empty when a mail to {@code domain} may go now (a token was taken); else how long to wait for
     * one. Joins the caller's transaction (one commit with the caller's other checks).
     */
    @Transactional
    public Optional<Duration> acquire(String domain) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        OptinConfig.Limit limit = config.domains().get(domain);
        double perSecond = limit != null ? limit.perSecond() : config.perSecond();
        int burst = limit != null ? limit.burst() : config.burst();
        int taken = em.createNativeQuery(TAKE)
                .setParameter(1, domain).setParameter(2, (double) burst).setParameter(3, perSecond)
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        if (taken == 1) {
            return Optional.empty();
        }
        throttled.increment();
        return Optional.of(Duration.ofMillis((long) Math.ceil(1000 / perSecond)));
    }
}
