package dev.smtpd4c.auth.sender;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.auth.support.Contracts;
import dev.smtpd4c.auth.support.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * SenderJob (every second in tests) against the real PostgreSQL and Kafka: drifting.test registers
 * IP 192.0.2.20 and stream drift-news; observations from another IP and another From domain are
 * announced once each, not again while they keep sending, and again after a quiet period.
 */
@QuarkusTest
class SenderDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "domain-auth-events.v1";

    @Inject
    SenderDriftService service;

    private static void observe(String json) {
        given().contentType(ContentType.JSON).body("{\"observations\":[" + json + "]}")
                .when().post("/api/v1/observations").then().statusCode(200);
    }

    private static Predicate<ConsumerRecord<String, String>> senderDrifted(String value) {
        return r -> "drifting.test".equals(r.key()) && r.value().contains("domain-auth.sender-drifted.v1")
                && r.value().contains("\"value\":\"" + value + "\"");
    }

    @Test
    void unregisteredSendersAreAnnouncedOnceAndAgainAfterTheQuietPeriod() throws Exception {
        given().contentType(ContentType.JSON).body("""
                {"domain":"drifting.test","dkimSelectors":[],"sendingIps":["192.0.2.20"],"fromDomains":[],
                 "streams":["drift-news"]}""").when().post("/api/v1/domains").then().statusCode(anyOf(is(201), is(409)));
        try (KafkaProbe events = KafkaProbe.open(TOPIC)) {
            String batch = """
                    {"stream":"drift-news","fromDomain":"drifting.test","ip":"192.0.2.20","messages":100},
                    {"stream":"drift-news","fromDomain":"drifting.test","ip":"203.0.113.50","messages":7},
                    {"stream":"drift-news","fromDomain":"promo.drifting.test","ip":"192.0.2.20"}""";
            observe(batch);

            List<ConsumerRecord<String, String>> ip = events.await(senderDrifted("203.0.113.50"), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> from = events.await(senderDrifted("promo.drifting.test"), 1,
                    Duration.ofSeconds(30));
            assertThat(ip).hasSize(1);
            assertThat(from).hasSize(1);
            assertThat(Contracts.errors(ip.get(0).value())).isEmpty();
            assertThat(Contracts.errors(from.get(0).value())).isEmpty();
            JsonNode data = JSON.readTree(ip.get(0).value()).path("data");
            assertThat(data.path("kind").asText()).isEqualTo("IP");
            assertThat(data.path("stream").asText()).isEqualTo("drift-news");
            assertThat(data.path("registered").toString()).isEqualTo("[\"192.0.2.20\"]");
            assertThat(data.path("messages").asLong()).isEqualTo(7);
            assertThat(data.path("sources").toString()).isEqualTo("[\"mta\"]");
            JsonNode fromData = JSON.readTree(from.get(0).value()).path("data");
            assertThat(fromData.path("kind").asText()).isEqualTo("FROM_DOMAIN");
            assertThat(fromData.path("registered").toString()).isEqualTo("[\"drifting.test\"]");
            assertThat(events.await(senderDrifted("192.0.2.20\""), 1, Duration.ofMillis(1))).isEmpty();

            // Still sending: the job runs every second, and nothing is announced again.
            observe(batch);
            Thread.sleep(4000);
            assertThat(events.await(senderDrifted("203.0.113.50"), 2, Duration.ofSeconds(1))).hasSize(1);
            assertThat(events.await(senderDrifted("promo.drifting.test"), 2, Duration.ofSeconds(1))).hasSize(1);

            // An IP seen ten days ago (announced by a run at that time), then again now after the 7-day quiet.
            Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            observe("{\"stream\":\"drift-news\",\"fromDomain\":\"drifting.test\",\"ip\":\"203.0.113.51\",\"seenAt\":\""
                    + tenDaysAgo + "\"}");
            assertThat(service.check(tenDaysAgo.plus(1, ChronoUnit.HOURS))).isEqualTo(1);
            List<ConsumerRecord<String, String>> old = events.await(senderDrifted("203.0.113.51"), 1, Duration.ofSeconds(30));
            assertThat(JSON.readTree(old.get(0).value()).path("data").path("lastSeen").asText())
                    .isEqualTo(tenDaysAgo.toString());
            assertThat(service.check(tenDaysAgo.plus(2, ChronoUnit.HOURS))).as("no repeat within the quiet period").isZero();
            observe("{\"stream\":\"drift-news\",\"fromDomain\":\"drifting.test\",\"ip\":\"203.0.113.51\"}");
            assertThat(events.await(senderDrifted("203.0.113.51"), 2, Duration.ofSeconds(30))).hasSize(2);
        }

        // Registering the IP and the From domain makes them expected senders.
        given().contentType(ContentType.JSON).body("""
                {"dkimSelectors":[],"sendingIps":["192.0.2.20","203.0.113.50","203.0.113.51"],
                 "fromDomains":["promo.drifting.test"],"streams":["drift-news"]}""")
                .when().put("/api/v1/domains/drifting.test").then().statusCode(200);
        List<Map<String, Object>> senders = given().when().get("/api/v1/domains/drifting.test/senders").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(senders).hasSize(4).allMatch(r -> Boolean.TRUE.equals(r.get("registered")));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^smtpd4c_unexpected_senders(\\{[^}]*\\})? [0-9.]+");
    }
}
