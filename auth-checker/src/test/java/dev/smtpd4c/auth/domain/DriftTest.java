package dev.smtpd4c.auth.domain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.auth.dns.TestDnsServer;
import dev.smtpd4c.auth.support.Contracts;
import dev.smtpd4c.auth.support.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The scheduled re-check (every 2 s in tests) publishes a drifted event when a sending IP's
 * forward-confirmed reverse DNS breaks: good.test is registered with 192.0.2.25 (mx1.good.test,
 * confirmed), then its IP is swapped for 192.0.2.66, whose PTR name has no address.
 */
@QuarkusTest
class DriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBrokenReverseDnsIsPublishedAsDriftByTheScheduledCheck() throws Exception {
        TestDnsServer.require();
        KafkaProbe.ensureTopic(DomainResourceTest.TOPIC);
        try (KafkaProbe events = KafkaProbe.open(DomainResourceTest.TOPIC)) {
            given().contentType(ContentType.JSON).body("""
                    {"domain":"good.test","dkimSelectors":[],"sendingIps":["192.0.2.25"],"fromDomains":[],"streams":["news"]}""")
                    .when().post("/api/v1/domains").then().statusCode(201);
            given().when().get("/api/v1/domains/good.test/report").then().statusCode(200);

            given().contentType(ContentType.JSON).body("""
                    {"dkimSelectors":[],"sendingIps":["192.0.2.66"],"fromDomains":[],"streams":["news"]}""")
                    .when().put("/api/v1/domains/good.test").then().statusCode(200);

            List<ConsumerRecord<String, String>> drifted = events.await(r -> "good.test".equals(r.key())
                    && r.value().contains("domain-auth.drifted.v1"), 1, Duration.ofSeconds(60));
            assertThat(drifted).as("drifted event for good.test").isNotEmpty();
            String value = drifted.get(0).value();
            assertThat(Contracts.errors(value)).isEmpty();
            JsonNode data = JSON.readTree(value).path("data");
            assertThat(data.path("domain").asText()).isEqualTo("good.test");
            assertThat(data.path("changes").findValuesAsText("kind")).contains("FCRDNS_BROKEN", "RECORD_CHANGED");
            JsonNode broken = null;
            for (JsonNode c : data.path("changes")) {
                if (c.path("kind").asText().equals("FCRDNS_BROKEN")) {
                    broken = c;
                }
            }
            assertThat(broken.path("subject").asText()).isEqualTo("192.0.2.66");
            assertThat(broken.path("code").asText()).isEqualTo("fcrdns.not-confirmed");

            // The scheduled check published a checked event too, in the same transaction as the snapshot.
            assertThat(events.await(r -> "good.test".equals(r.key()) && r.value().contains("\"schedule\""), 1,
                    Duration.ofSeconds(30))).isNotEmpty();
        }
    }
}
