package dev.smtpd4c.sunset.outbox;

import dev.smtpd4c.sunset.config.SunsetConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the outbox small and visible: the backlog gauges (alerted on when the relay is stuck) and
 * deletion of published rows past retention.
 */
@Startup // its gauges must exist from the start, not from the first scheduled run
@ApplicationScoped
public class OutboxHousekeeping {

    private final EntityManager em;
    private final Duration retention;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public OutboxHousekeeping(EntityManager em, SunsetConfig config, MeterRegistry registry) {
        this.em = em;
        this.retention = config.outbox().retention();
        registry.gauge("smtpd4c.outbox.pending", pending);
        registry.gauge("smtpd4c.outbox.oldest.pending.age.seconds", oldestPendingSeconds);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] r = (Object[]) em.createNativeQuery("SELECT count(*), "
                    + "COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox_event WHERE published_at IS NULL")
                    .getSingleResult();
            pending.set(((Number) r[0]).longValue());
            oldestPendingSeconds.set(((Number) r[1]).longValue());
            em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                    .setParameter(1, Instant.now().minus(retention)).executeUpdate();
        });
    }
}
