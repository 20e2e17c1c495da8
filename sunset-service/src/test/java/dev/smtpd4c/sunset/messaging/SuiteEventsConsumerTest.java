package dev.smtpd4c.sunset.messaging;

import static dev.smtpd4c.sunset.support.StageFixture.STATUS_TOPIC;
import static dev.smtpd4c.sunset.support.StageFixture.evaluate;
import static dev.smtpd4c.sunset.support.StageFixture.events;
import static dev.smtpd4c.sunset.support.StageFixture.maySend;
import static dev.smtpd4c.sunset.support.StageFixture.reconfirmAtLogin;
import static dev.smtpd4c.sunset.support.StageFixture.record;
import static dev.smtpd4c.sunset.support.StageFixture.recipient;
import static dev.smtpd4c.sunset.support.StageFixture.statusEvents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.sunset.support.KafkaProbe;
import dev.smtpd4c.sunset.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's own events feeding this service, against the real broker and database: bounce-service's
 * bounces, complaints and suppressions, optin-service's confirmations, unsubscriptions and erasures.
 */
@QuarkusTest
class SuiteEventsConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @BeforeAll
    static void producer() {
        for (String t : List.of("bounce-events.v1", "suppression-events.v1", "subscription-events.v1", STATUS_TOPIC,
                "sunset-service-dlq.v1")) {
            KafkaProbe.ensureTopic(t);
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaProbe.BOOTSTRAP), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aComplaintReportedByBounceServiceAndTheEngagementFeedCountsOnceAndTheSecondSuspendsAtOnce() throws Exception {
        String r = recipient("complaint");
        String messageId = UUID.randomUUID().toString();
        try (KafkaProbe status = KafkaProbe.open(STATUS_TOPIC)) {
            List<String> ids = List.of(
                    send("bounce-events.v1", r, complaint(r, "abuse", messageId, "<m1@news.sender.example>")),
                    // The organisation's feed reports the same complaint, naming the message by its X-SMTPD4C-Message-ID.
                    send("engagement-events.v1", r, engagementComplaint(r, messageId)),
                    send("bounce-events.v1", r, complaint(r, "abuse", "", "<m1@news.sender.example>")), // re-sent under a new id
                    send("bounce-events.v1", r, complaint(r, "not-spam", UUID.randomUUID().toString(), "")));
            for (String id : ids) {
                awaitTrue(() -> count("SELECT count(*) FROM processed_event WHERE CAST(event_id AS text) = ?1", id) == 1);
            }
            assertThat(count("SELECT count(*) FROM incident_key WHERE recipient = ?1", r)).isEqualTo(2);
            assertThat(count("SELECT complaints FROM engagement WHERE recipient = ?1 AND stream = 'marketing'", r)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE event_key = ?1", r)).isZero();

            send("bounce-events.v1", r, complaint(r, "abuse", UUID.randomUUID().toString(), "<m2@news.sender.example>"));
            List<JsonNode> changed = statusEvents(status, r, 1);
            assertThat(changed).hasSize(1);
            JsonNode data = changed.get(0).path("data");
            assertThat(data.path("toStatus").asText()).isEqualTo("SUSPENDED");
            assertThat(data.path("cause").asText()).isEqualTo("event");
            assertThat(data.path("reason").asText()).isEqualTo("2 complaints (limit 2)");
        }
        assertThat(count("SELECT complaints FROM engagement WHERE recipient = ?1 AND stream = 'marketing'", r)).isEqualTo(2);
        assertThat(maySend(r, "transactional").path("allowed").asBoolean()).isFalse();
    }

    @Test
    void hardBouncesCountSoftOnesAndDelaysDoNot() throws Exception {
        String r = recipient("bounce");
        send("bounce-events.v1", r, bounce(r, true, "failed", "", UUID.randomUUID().toString()));
        send("bounce-events.v1", r, bounce(r, false, "failed", "marketing", UUID.randomUUID().toString()));
        send("bounce-events.v1", r, bounce(r, true, "delayed", "marketing", UUID.randomUUID().toString()));
        send("bounce-events.v1", r, bounce(r, true, "failed", "marketing", UUID.randomUUID().toString()));
        awaitTrue(() -> count("SELECT count(*) FROM engagement WHERE recipient = ?1 AND stream = 'marketing'", r) == 1);
        // No X-SMTPD4C-Stream: counted in the unattributed stream, which a suspension there still covers.
        assertThat(count("SELECT hard_bounces FROM engagement WHERE recipient = ?1 AND stream = 'unattributed'", r)).isEqualTo(1);
        assertThat(count("SELECT hard_bounces FROM engagement WHERE recipient = ?1 AND stream = 'marketing'", r)).isEqualTo(1);
        assertThat(reconfirmAtLogin(r).path("reason").asText()).startsWith("hard bounce at");
    }

    @Test
    void suppressionsStopMaySendUntilLifted() throws Exception {
        String r = recipient("suppressed");
        send("suppression-events.v1", r, event("dev.smtpd4c.suppression.added.v1", "/smtpd4c/bounce-service", r, Map.of(
                "address", r, "scope", "stream:marketing", "reason", "complaint", "detail", "abuse", "source", "rest",
                "actor", "bounce-service", "suppressedAt", Instant.now().toString())));
        send("suppression-events.v1", r, event("dev.smtpd4c.suppression.added.v1", "/smtpd4c/bounce-service", r, Map.of(
                "address", r, "scope", "global", "reason", "hard-bounce", "detail", "userunknown", "source", "rest",
                "actor", "bounce-service", "suppressedAt", Instant.now().toString())));
        awaitTrue(() -> count("SELECT count(*) FROM suppression WHERE address = ?1", r) == 2);
        assertThat(maySend(r, "newsletter").path("reason").asText()).startsWith("suppressed (global) by bounce-service: hard-bounce userunknown");
        assertThat(maySend(r, "transactional").path("allowed").asBoolean()).isFalse();
        assertThat(reconfirmAtLogin(r).path("reason").asText()).startsWith("suppressed after a hard bounce (userunknown)");

        send("suppression-events.v1", r, event("dev.smtpd4c.suppression.lifted.v1", "/smtpd4c/bounce-service", r, Map.of(
                "address", r, "scope", "global", "actor", "ops:jane", "reason", "mailbox restored", "liftedAt", Instant.now().toString())));
        awaitTrue(() -> count("SELECT count(*) FROM suppression WHERE address = ?1", r) == 1);
        assertThat(maySend(r, "newsletter").path("allowed").asBoolean()).isTrue();
        assertThat(maySend(r, "marketing").path("reason").asText()).startsWith("suppressed (stream:marketing)");
    }

    @Test
    void aConfirmationReactivatesAtOnceAndAnUnsubscribeStopsTheList() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String r = recipient("confirm");
        record(events(r, "newsletter", "sent", 6, t0));
        clock.set(t0.plus(Duration.ofDays(130)));
        try (KafkaProbe status = KafkaProbe.open(STATUS_TOPIC)) {
            evaluate();
            assertThat(statusEvents(status, r, 1).get(0).path("data").path("toStatus").asText()).isEqualTo("RECONFIRM");

            UUID subscription = UUID.randomUUID();
            send("subscription-events.v1", r, event("dev.smtpd4c.subscription.confirmed.v1", "/smtpd4c/optin-service", r, Map.of(
                    "subscriptionId", subscription.toString(), "address", r, "list", "newsletter",
                    "confirmedAt", clock.instant().toString())));
            List<JsonNode> changed = statusEvents(status, r, 2);
            assertThat(changed).hasSize(2);
            assertThat(changed.get(1).path("data").path("fromStatus").asText()).isEqualTo("RECONFIRM");
            assertThat(changed.get(1).path("data").path("toStatus").asText()).isEqualTo("ACTIVE");
            assertThat(changed.get(1).path("data").path("cause").asText()).isEqualTo("event");
            assertThat(maySend(r, "newsletter").path("allowed").asBoolean()).isTrue();

            Instant left = clock.instant().plusSeconds(60);
            send("subscription-events.v1", r, event("dev.smtpd4c.subscription.unsubscribed.v1", "/smtpd4c/optin-service", r, Map.of(
                    "subscriptionId", subscription.toString(), "address", r, "list", "newsletter", "unsubscribedAt", left.toString())));
            awaitTrue(() -> count("SELECT count(*) FROM known_subscription WHERE address = ?1 AND unsubscribed_at IS NOT NULL", r) == 1);
            assertThat(maySend(r, "newsletter").path("reason").asText()).isEqualTo("unsubscribed from newsletter at " + left);
            assertThat(maySend(r, "marketing").path("allowed").asBoolean()).isTrue();
        }
    }

    @Test
    void anErasureDeletesEveryRowOfTheAddress() throws Exception {
        String r = recipient("erase");
        record(events(r, "marketing", "sent", 2, Instant.now()));
        send("suppression-events.v1", r, event("dev.smtpd4c.suppression.added.v1", "/smtpd4c/bounce-service", r, Map.of(
                "address", r, "scope", "global", "reason", "manual", "detail", "", "source", "api",
                "actor", "ops", "suppressedAt", Instant.now().toString())));
        awaitTrue(() -> count("SELECT count(*) FROM suppression WHERE address = ?1", r) == 1);

        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(r.getBytes(StandardCharsets.UTF_8)));
        send("subscription-events.v1", hash, event("dev.smtpd4c.subscriber.erased.v1", "/smtpd4c/optin-service", hash, Map.of(
                "addressHash", hash, "erasedAt", Instant.now().toString())));
        awaitTrue(() -> count("SELECT count(*) FROM engagement WHERE recipient = ?1", r) == 0);
        assertThat(count("SELECT count(*) FROM suppression WHERE address = ?1", r)).isZero();
    }

    @Test
    void aBounceEventThatCannotBeAppliedGoesToTheDeadLetterTopic() throws Exception {
        String r = recipient("bad-bounce");
        try (KafkaProbe dlq = KafkaProbe.open("sunset-service-dlq.v1")) {
            Map<String, Object> data = bounceData("no-at-sign", true, "failed", "marketing", "x");
            send("bounce-events.v1", r, event("dev.smtpd4c.bounce.recorded.v1", "/smtpd4c/bounce-service", r, data));
            send("suppression-events.v1", r, event("dev.smtpd4c.suppression.added.v1", "/smtpd4c/bounce-service", r, Map.of(
                    "address", r, "scope", "everywhere", "reason", "manual", "detail", "", "source", "api", "actor", "ops",
                    "suppressedAt", Instant.now().toString())));
            List<ConsumerRecord<String, String>> dead = dlq.await(x -> r.equals(x.key()), 2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            assertThat(dead.stream().map(SuiteEventsConsumerTest::reason).toList()).anyMatch(m -> m.contains("'no-at-sign' is not an address"))
                    .anyMatch(m -> m.contains("suppression.added without address, a valid scope"));
        }
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    static String complaint(String r, String feedbackType, String smtpd4cId, String messageId) throws Exception {
        Map<String, Object> data = new HashMap<>(Map.of("recipient", r, "feedbackType", feedbackType, "decodedBy", "ARF",
                "sendingDomain", "news.sender.example", "stream", "marketing", "originalMessageId", messageId,
                "smtpd4cMessageId", smtpd4cId, "feedbackId", "", "source", "rest"));
        data.put("recordedAt", Instant.now().minusSeconds(5).toString());
        return event("dev.smtpd4c.complaint.recorded.v1", "/smtpd4c/bounce-service", r, data);
    }

    static String bounce(String r, boolean hard, String action, String stream, String smtpd4cId) throws Exception {
        return event("dev.smtpd4c.bounce.recorded.v1", "/smtpd4c/bounce-service", r, bounceData(r, hard, action, stream, smtpd4cId));
    }

    static Map<String, Object> bounceData(String r, boolean hard, String action, String stream, String smtpd4cId) {
        Map<String, Object> data = new HashMap<>(Map.of("recipient", r, "status", hard ? "5.1.1" : "4.2.2", "replyCode", "550",
                "reason", hard ? "userunknown" : "mailboxfull", "hardBounce", hard, "action", action, "diagnosticCode", "",
                "decodedBy", "Postfix", "reportingMta", "mx1.sender.example", "remoteMta", "mx.example.org"));
        data.putAll(Map.of("sendingDomain", "news.sender.example", "stream", stream, "originalMessageId", "",
                "smtpd4cMessageId", smtpd4cId, "source", "rest", "recordedAt", Instant.now().minusSeconds(5).toString()));
        return data;
    }

    static String engagementComplaint(String r, String messageId) throws Exception {
        return event("dev.smtpd4c.engagement.recorded.v1", "/mail-system", r, Map.of("recipient", r, "stream", "marketing",
                "type", "complained", "at", Instant.now().minusSeconds(5).toString(), "sendingDomain", "news.sender.example",
                "messageId", messageId));
    }

    static String event(String type, String source, String subject, Map<String, Object> data) throws Exception {
        return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source", source,
                "type", type, "time", Instant.now().toString(), "datacontenttype", "application/json", "subject", subject,
                "data", data));
    }

    /** Sends as the producing services' relays do; returns the event id. */
    private static String send(String topic, String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        return JSON.readTree(value).path("id").asText();
    }

    private long count(String sql, String param) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
        });
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition within 30 s").isTrue();
    }
}
