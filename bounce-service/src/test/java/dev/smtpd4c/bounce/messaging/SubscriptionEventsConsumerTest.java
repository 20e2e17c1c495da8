package dev.smtpd4c.bounce.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.bounce.support.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The subscription-events consumer against the real Kafka broker and PostgreSQL. */
@QuarkusTest
class SubscriptionEventsConsumerTest {

    private static final String TOPIC = "subscription-events.v1";
    private static final String DLQ = "bounce-service-dlq.v1";
    private static KafkaProducer<String, String> producer;

    @Inject
    EntityManager em;

    @BeforeAll
    static void producer() {
        KafkaProbe.ensureTopic(TOPIC);
        KafkaProbe.ensureTopic(DLQ);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaProbe.BOOTSTRAP), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void duplicateDeliveryIsAppliedOnce() throws Exception {
        String address = "dup-" + UUID.randomUUID() + "@example.org";
        UUID eventId = UUID.randomUUID();
        String event = requested(eventId, UUID.randomUUID(), address, "news");

        for (int i = 0; i < 3; i++) { // at-least-once delivery: the same event three times
            send(address, event);
        }
        // A later event of the same key lands on the same partition after the duplicates, so once it
        // is applied the consumer has certainly seen all three copies.
        String after = "news-after";
        send(address, requested(UUID.randomUUID(), UUID.randomUUID(), address, after));
        awaitCount(() -> count("list_name = '" + after + "' AND address = '" + address + "'"), 1);

        assertThat(count("address = '" + address + "'")).isEqualTo(2);
        assertThat(processedCount(eventId)).isEqualTo(1);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndDoesNotBlock() throws Exception {
        String address = "dlq-" + UUID.randomUUID() + "@example.org";
        send(address, requested(UUID.randomUUID(), UUID.randomUUID(), address, "before"));
        awaitCount(() -> count("address = '" + address + "'"), 1);

        try (KafkaProbe dlq = KafkaProbe.open(DLQ)) {
            send(address, "{\"specversion\":\"1.0\", this is not json");
            send(address, requested(UUID.randomUUID(), UUID.randomUUID(), "", "bad-data"));
            send(address, requested(UUID.randomUUID(), UUID.randomUUID(), address, "after"));

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> address.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            assertThat(reason(dead.get(0))).contains("not JSON");
            assertThat(reason(dead.get(1))).contains("without subscriptionId, address or list");
        }
        // The partition moved on, and what was stored before is intact.
        awaitCount(() -> count("address = '" + address + "'"), 2);
        assertThat(count("address = '" + address + "' AND list_name = 'before'")).isEqualTo(1);
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    static String requested(UUID eventId, UUID subscriptionId, String address, String list) {
        String now = Instant.now().toString();
        return """
                {"specversion":"1.0","id":"%s","source":"/smtpd4c/optin-service","type":"dev.smtpd4c.subscription.requested.v1",
                 "time":"%s","datacontenttype":"application/json","subject":"%s",
                 "data":{"subscriptionId":"%s","address":"%s","list":"%s","source":"test","locale":"en","requestedAt":"%s"}}"""
                .formatted(eventId, now, address, subscriptionId, address, list, now);
    }

    /** Sends as optin-service's relay does: structured CloudEvents JSON with its content type. */
    private static void send(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private long count(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM known_subscription WHERE " + where).getSingleResult()).longValue());
    }

    private long processedCount(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, id).getSingleResult()).longValue());
    }

    private static void awaitCount(LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count.getAsLong()).isEqualTo(expected);
    }
}
