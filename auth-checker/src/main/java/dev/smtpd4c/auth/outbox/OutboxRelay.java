package dev.smtpd4c.auth.outbox;

import dev.smtpd4c.auth.config.AuthConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published.
 *
 * <p>One replica publishes at a time (a PostgreSQL advisory lock), so events of one key keep their
 * order across replicas. A batch is marked published only after the broker acknowledged every
 * record of it; a crash in between publishes the batch again, and consumers drop the duplicates
 * by event id (at-least-once, never lost).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('smtpd4c-outbox-relay'))";

    private final EntityManager em;
    private final Producer<String, String> producer;
    private final AuthConfig.Outbox config;
    private final Counter published;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(EntityManager em, OutboxProducer producer, AuthConfig config, MeterRegistry registry) {
        this.em = em;
        this.producer = producer.producer();
        this.config = config.outbox();
        this.published = registry.counter("smtpd4c.outbox.published");
    }

    /** Runs the relay loop on its own thread, unless the relay is switched off. */
    void start(@Observes StartupEvent e) {
        if (!config.relayEnabled()) {
            LOG.warn("outbox relay is switched off (smtpd4c.outbox.relay-enabled=false): events stay pending");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent e) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(config.sendTimeout().toMillis());
        }
    }

    /** Called after a transaction that appended events committed: publish now rather than at the next poll. */
    public void wake() {
        wakeups.release();
    }

    /** Publishes on every wake-up, and at least every poll interval (for rows other replicas wrote). */
    private void loop() {
        while (running) {
            try {
                wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                publishPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay: publishing failed, the events stay pending and are retried: %s", e.getMessage());
                try {
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes everything pending; returns how many rows were published. */
    public int publishPending() {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(this::publishBatch);
            total += n;
        } while (n == config.batchSize());
        return total;
    }

    /** One transaction: lock, read a batch in commit order, send, wait for every ack, mark. */
    int publishBatch() {
        if (!Boolean.TRUE.equals(em.createNativeQuery(LOCK).getSingleResult())) {
            return 0; // another replica is publishing
        }
        List<OutboxEvent> rows = claim(config.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        send(rows);
        markPublished(rows);
        published.increment(rows.size());
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    List<OutboxEvent> claim(int limit) {
        return em.createNativeQuery("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE",
                OutboxEvent.class).setParameter(1, limit).getResultList();
    }

    /** Sends every row and waits for the broker's acknowledgements; throws if any send fails. */
    void send(List<OutboxEvent> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.payload);
            record.headers().add("content-type", CONTENT_TYPE);
            acks.add(producer.send(record));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an outbox event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the outbox batch within " + config.sendTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        }
    }

    void markPublished(List<OutboxEvent> rows) {
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        em.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).executeUpdate();
    }
}
