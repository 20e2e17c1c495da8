package dev.smtpd4c.sunset.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.sunset.support.KafkaProbe;
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

/** engagement-events.v1 intake against the real Kafka broker and PostgreSQL. */
@QuarkusTest
class EngagementEventsConsumerTest {

    private static final String TOPIC = "engagement-events.v1";
    private static final String DLQ = "sunset-service-dlq.v1";
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
    void eventsBecomeEngagementAndARedeliveryIsAppliedOnce() throws Exception {
        String r = "eng-" + UUID.randomUUID() + "@Example.ORG";
        String key = r.replace("@Example.ORG", "@example.org");
        Instant at = Instant.now().minusSeconds(3600);
        UUID sent = UUID.randomUUID();
        for (int i = 0; i < 3; i++) { // at-least-once delivery: the same event three times
            send(key, recorded(sent, r, "marketing", "sent", at));
        }
        send(key, recorded(UUID.randomUUID(), r, "marketing", "clicked", at.plusSeconds(60)));
        // The click is on the same partition after the three copies: once it is applied, all were seen.
        awaitCount(() -> count("SELECT count(*) FROM engagement WHERE recipient = ?1 AND last_clicked_at IS NOT NULL", key), 1);

        assertThat(count("SELECT sends_total FROM engagement WHERE recipient = ?1 AND stream = 'marketing'", key)).isEqualTo(1);
        assertThat(count("SELECT sends_since_strong FROM engagement WHERE recipient = ?1", key)).isZero();
        assertThat(count("SELECT count(*) FROM processed_event WHERE CAST(event_id AS text) = ?1", sent.toString())).isEqualTo(1);
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndStoredDataStays() throws Exception {
        String r = "eng-dlq-" + UUID.randomUUID() + "@example.org";
        Instant at = Instant.now().minusSeconds(600);
        send(r, recorded(UUID.randomUUID(), r, "marketing", "sent", at));
        awaitCount(() -> count("SELECT count(*) FROM engagement WHERE recipient = ?1", r), 1);

        try (KafkaProbe dlq = KafkaProbe.open(DLQ)) {
            send(r, "{\"specversion\":\"1.0\", broken");
            send(r, recorded(UUID.randomUUID(), r, "marketing", "teleported", at));
            send(r, recorded(UUID.randomUUID(), r, "marketing", "sent", Instant.now().plus(Duration.ofDays(2))));
            send(r, recorded(UUID.randomUUID(), "not-an-address", "marketing", "sent", at));
            send(r, recorded(UUID.randomUUID(), r, "marketing", "sent", at.plusSeconds(1)));

            List<ConsumerRecord<String, String>> dead = dlq.await(x -> r.equals(x.key()), 4, Duration.ofSeconds(30));
            assertThat(dead).hasSize(4);
            assertThat(reason(dead.get(0))).contains("not JSON");
            assertThat(reason(dead.get(1))).contains("type 'teleported' is not one of");
            assertThat(reason(dead.get(2))).contains("in the future");
            assertThat(reason(dead.get(3))).contains("'not-an-address' is not an address");
        }
        // The partition moved on past the bad records, and none of them touched the row.
        awaitCount(() -> count("SELECT sends_total FROM engagement WHERE recipient = ?1", r), 2);
        assertThat(count("SELECT count(*) FROM engagement WHERE recipient = ?1", r)).isEqualTo(1);
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    static String recorded(UUID eventId, String recipient, String stream, String type, Instant at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/mail-system","type":"dev.smtpd4c.engagement.recorded.v1",
                 "time":"%s","datacontenttype":"application/json","subject":"%s",
                 "data":{"recipient":"%s","stream":"%s","type":"%s","at":"%s"}}"""
                .formatted(eventId, Instant.now(), recipient, recipient, stream, type, at);
    }

    private static void send(String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private long count(String sql, String param) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
        });
    }

    private static void awaitCount(LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count.getAsLong()).isEqualTo(expected);
    }
}
