package dev.smtpd4c.sunset.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.sunset.support.KafkaProbe;
import dev.smtpd4c.sunset.support.StageFixture;
import dev.smtpd4c.sunset.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The complaint-rate monitor against the real database and broker: the minimum volume, both
 * thresholds, the 24 h and 7 d windows sliding with a controllable clock, the pause honoured by
 * may-send and lifted by an operator, the events on complaint-rate-events.v1, and the gauges.
 */
@QuarkusTest
class ComplaintRateMonitorTest {

    private static final String TOPIC = "complaint-rate-events.v1";

    @Inject
    TestClock clock;

    Instant t0;
    String domain;

    @BeforeEach
    void start() {
        t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(30));
        clock.set(t0);
        domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".sender.example";
        KafkaProbe.ensureTopic(TOPIC);
    }

    @AfterEach
    void stop() {
        clock.reset();
    }

    @Test
    void criticalRateWithEnoughVolumePausesMarketingUntilAnOperatorResumes() {
        try (KafkaProbe events = KafkaProbe.open(TOPIC)) {
            sends("marketing", 999);
            complaints("marketing", 3);
            assertThat(rate("marketing", "24h").path("level").asText()).as("0.3 %% of 999: too few to judge")
                    .isEqualTo("INSUFFICIENT_VOLUME");
            assertThat(maySend("marketing").path("allowed").asBoolean()).isTrue();

            sends("marketing", 1);
            JsonNode day = rate("marketing", "24h");
            assertThat(day.path("level").asText()).isEqualTo("CRITICAL");
            assertThat(day.path("sends").asLong()).isEqualTo(1000);
            assertThat(day.path("complaints").asLong()).isEqualTo(3);
            assertThat(day.path("marketingPaused").asBoolean()).isTrue();

            JsonNode answer = maySend("marketing");
            assertThat(answer.path("allowed").asBoolean()).isFalse();
            assertThat(answer.path("reason").asText()).isEqualTo("stream marketing from " + domain
                    + " is paused: complaint rate 0.300% over 24h (3 of 1000 sends) at or above 0.300%");
            // Without the sending domain the question is about the recipient alone.
            assertThat(StageFixture.maySend("r0@example.org", "marketing").path("allowed").asBoolean()).isTrue();

            List<JsonNode> changed = changes(events, 2); // 24h and 7d both went to CRITICAL
            assertThat(changed).extracting(c -> c.path("window").asText()).containsExactlyInAnyOrder("24h", "7d");
            JsonNode dayEvent = changed.stream().filter(c -> c.path("window").asText().equals("24h")).findFirst().orElseThrow();
            assertThat(dayEvent.path("fromLevel").asText()).isEqualTo("INSUFFICIENT_VOLUME");
            assertThat(dayEvent.path("toLevel").asText()).isEqualTo("CRITICAL");
            assertThat(dayEvent.path("marketingPaused").asBoolean()).isTrue();
            assertThat(dayEvent.path("rate").asDouble()).isEqualTo(0.003);

            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("smtpd4c_marketing_paused{domain=\"" + domain + "\",stream=\"marketing\"} 1.0");
            assertThat(metrics).containsPattern("smtpd4c_complaint_rate\\{domain=\"" + domain.replace(".", "\\.")
                    + "\",stream=\"marketing\",window=\"24h\"} 0\\.003");

            given().contentType(ContentType.JSON).body(Map.of("sendingDomain", domain, "stream", "marketing", "actor", "ops:jane",
                    "reason", "list cleaned")).post("/api/v1/complaint-rates/resume").then().statusCode(200);
            assertThat(maySend("marketing").path("allowed").asBoolean()).isTrue();
            assertThat(changes(events, 3).get(2).path("marketingPaused").asBoolean()).isFalse();
            given().contentType(ContentType.JSON).body(Map.of("sendingDomain", domain, "stream", "marketing", "actor", "ops:jane",
                    "reason", "again")).post("/api/v1/complaint-rates/resume")
                    .then().statusCode(404).contentType("application/problem+json");
            // Still critical, but a resumed stream is not paused again by the same level: only a new crossing pauses.
            assertThat(rate("marketing", "24h").path("marketingPaused").asBoolean()).isFalse();
        }
    }

    @Test
    void warningDoesNotPauseAndTheDayWindowSlidesWhileTheWeekRemembers() {
        sends("newsletter", 2000);
        complaints("newsletter", 2); // exactly 0.1 %
        assertThat(rate("newsletter", "24h").path("level").asText()).isEqualTo("WARNING");
        assertThat(rate("newsletter", "24h").path("marketingPaused").asBoolean()).isFalse();

        clock.set(t0.plus(Duration.ofHours(25)));
        assertThat(rate("newsletter", "24h").path("level").asText()).as("nothing sent in the last 24 h").isEqualTo("INSUFFICIENT_VOLUME");
        assertThat(rate("newsletter", "7d").path("level").asText()).isEqualTo("WARNING");
        clock.set(t0.plus(Duration.ofDays(8)));
        assertThat(rates().stream().filter(r -> r.path("sendingDomain").asText().equals(domain) && r.path("window").asText().equals("7d"))
                .findFirst().orElseThrow().path("level").asText()).isEqualTo("WARNING").as("no buckets left: last judgement kept");
    }

    @Test
    void transactionalMailIsNeverPaused() {
        sends("transactional", 1000);
        complaints("transactional", 5);
        JsonNode day = rate("transactional", "24h");
        assertThat(day.path("level").asText()).isEqualTo("CRITICAL");
        assertThat(day.path("marketingPaused").asBoolean()).isFalse();
    }

    @Test
    void aComplaintFromTwoSourcesCountsOnceInTheRate() {
        sends("marketing", 2000);
        String messageId = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // the ESP's feed and its retry, or two adapters, report one complaint
            batch.add(item("r1@example.org", "marketing", "complained", messageId));
        }
        StageFixture.record(batch);
        StageFixture.record(List.of(item("r1@example.org", "marketing", "complained", messageId)));
        assertThat(rate("marketing", "24h").path("complaints").asLong()).isEqualTo(1);
        assertThat(rate("marketing", "24h").path("level").asText()).as("1 of 2000 is 0.05 %%").isEqualTo("OK");
    }

    private void sends(String stream, int n) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(item("r" + i + "@example.org", stream, "sent", null));
        }
        StageFixture.record(batch);
    }

    private void complaints(String stream, int n) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(item("r" + i + "@example.org", stream, "complained", UUID.randomUUID().toString()));
        }
        StageFixture.record(batch);
    }

    private Map<String, Object> item(String recipient, String stream, String type, String messageId) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "recipient", recipient.replace("@", "+" + domain.substring(0, 9) + "@"), "stream", stream, "type", type,
                "at", t0.minus(Duration.ofMinutes(10)).toString(), "sendingDomain", domain));
        if (messageId != null) {
            m.put("messageId", messageId);
        }
        return m;
    }

    /** Runs the monitor and returns this test's domain's judgement of one stream and window. */
    private JsonNode rate(String stream, String window) {
        return rates().stream().filter(r -> r.path("sendingDomain").asText().equals(domain) && r.path("stream").asText().equals(stream)
                && r.path("window").asText().equals(window)).findFirst().orElseThrow();
    }

    private List<JsonNode> rates() {
        JsonNode all = StageFixture.read(given().post("/api/v1/complaint-rates").then().statusCode(200).extract().asString());
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        JsonNode stored = StageFixture.read(given().get("/api/v1/complaint-rates").then().statusCode(200).extract().asString());
        stored.forEach(s -> {
            if (s.path("sendingDomain").asText().equals(domain) && out.stream().noneMatch(o -> same(o, s))) {
                out.add(s);
            }
        });
        return out;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.path("sendingDomain").equals(b.path("sendingDomain")) && a.path("stream").equals(b.path("stream"))
                && a.path("window").equals(b.path("window"));
    }

    private JsonNode maySend(String stream) {
        return StageFixture.read(given().queryParam("stream", stream).queryParam("sendingDomain", domain.toUpperCase())
                .get("/api/v1/recipients/{a}/may-send", "r0@example.org").then().statusCode(200).extract().asString());
    }

    private List<JsonNode> changes(KafkaProbe probe, int count) {
        List<ConsumerRecord<String, String>> records = probe.await(r -> domain.equals(r.key()), count, Duration.ofSeconds(30));
        assertThat(records).hasSize(count);
        return records.stream().map(r -> StageFixture.read(r.value()).path("data")).toList();
    }
}
