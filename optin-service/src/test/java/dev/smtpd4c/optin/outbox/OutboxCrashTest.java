package dev.smtpd4c.optin.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.events.CloudEvent;
import dev.smtpd4c.optin.events.SubscriptionRequested;
import dev.smtpd4c.optin.subscription.SignUp;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.subscription.SubscriptionService;
import dev.smtpd4c.optin.support.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox across crashes, against the real PostgreSQL and Kafka broker. The scheduled relay is
 * stopped, so each test decides where the "crash" falls:
 * <ul>
 *   <li>after the commit, before any publish: the event waits in the table and is published by the
 *       next relay run (the restart), exactly once;</li>
 *   <li>after the broker acknowledged, before the rows were marked: the marking transaction never
 *       commits, the next run publishes again, and the duplicate carries the same event id, which
 *       consumers drop;</li>
 *   <li>a state change that rolls back leaves no event at all.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(RelayStoppedProfile.class)
class OutboxCrashTest {

    private static final String TOPIC = "subscription-events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SubscriptionService service;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void crashBetweenCommitAndPublishLosesNothing() throws Exception {
        relay.publishPending(); // start from an empty backlog
        String address = "crash1-" + UUID.randomUUID() + "@smtpd4c.test";
        try (KafkaProbe probe = KafkaProbe.open(TOPIC)) {
            UUID id = service.signUp(new SignUp(address, "news", "test", "en", null), ClientInfo.SYSTEM).orElseThrow();

            // Committed: the subscription and its two events (requested; mail-sent once the mail is out) ...
            assertThat(QuarkusTransaction.requiringNew().call(() -> subscriptions.findById(id))).isNotNull();
            awaitPending(address, 2);
            // ... and nothing reached the broker: this is the state a crash right now would leave.
            assertThat(probe.await(r -> address.equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();

            // The restarted relay finds the rows and publishes them, once.
            assertThat(relay.publishPending()).isEqualTo(2);
            List<ConsumerRecord<String, String>> got = probe.await(r -> address.equals(r.key()), 3, Duration.ofSeconds(5));
            assertThat(got).hasSize(2);
            assertThat(pendingFor(address)).isZero();
            assertThat(relay.publishPending()).isZero();
        }
    }

    @Test
    void crashAfterPublishBeforeMarkingRepublishesTheSameEventId() throws Exception {
        relay.publishPending();
        String address = "crash2-" + UUID.randomUUID() + "@smtpd4c.test";
        try (KafkaProbe probe = KafkaProbe.open(TOPIC)) {
            service.signUp(new SignUp(address, "news", "test", "en", null), ClientInfo.SYSTEM);
            awaitPending(address, 2); // requested, and mail-sent once the mail is out

            // The relay sends and the broker acknowledges, but the process dies before the marking
            // transaction commits: the transaction is rolled back, as a dead connection would be.
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                relay.send(relay.claim(100));
                throw new SimulatedCrash();
            })).isInstanceOf(SimulatedCrash.class);
            assertThat(probe.await(r -> address.equals(r.key()), 2, Duration.ofSeconds(5))).hasSize(2);
            assertThat(pendingFor(address)).isEqualTo(2);

            // After the restart the events go out again with the same ids (at least once) ...
            assertThat(relay.publishPending()).isEqualTo(2);
            List<ConsumerRecord<String, String>> got = probe.await(r -> address.equals(r.key()), 4, Duration.ofSeconds(5));
            assertThat(got).hasSize(4);
            List<String> ids = new java.util.ArrayList<>();
            for (ConsumerRecord<String, String> r : got) {
                ids.add(JSON.readTree(r.value()).path("id").asText());
            }
            assertThat(ids.subList(2, 4)).isEqualTo(ids.subList(0, 2));
            // ... and is then marked, so a third run sends nothing.
            assertThat(pendingFor(address)).isZero();
            assertThat(relay.publishPending()).isZero();
        }
    }

    @Test
    void rolledBackStateChangeLeavesNoEvent() {
        relay.publishPending();
        String address = "rollback-" + UUID.randomUUID() + "@smtpd4c.test";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(TOPIC, CloudEvent.of("dev.smtpd4c.subscription.requested.v1", address,
                    new SubscriptionRequested(UUID.randomUUID(), address, "news", "t", "en", Instant.now()), Instant.now()));
            throw new SimulatedCrash();
        })).isInstanceOf(SimulatedCrash.class);
        assertThat(pendingFor(address)).isZero();
        assertThat(relay.publishPending()).isZero();
    }

    /** Stands for the process dying: the transaction it was in never commits. */
    static final class SimulatedCrash extends RuntimeException {}

    private void awaitPending(String key, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pendingFor(key) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pendingFor(key)).isEqualTo(count);
    }

    private long pendingFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE event_key = ?1 AND published_at IS NULL")
                .setParameter(1, key).getSingleResult()).longValue());
    }
}
