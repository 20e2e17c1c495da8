package dev.smtpd4c.optin.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.optin.support.Contracts;
import dev.smtpd4c.optin.support.Eventually;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Sign-up end to end against the real PostgreSQL, Kafka broker and GreenMail SMTP server. */
@QuarkusTest
class SignUpSliceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SubscriptionRepository subscriptions;

    @Test
    void signUpStoresSendsMailAndPublishesOneEvent() throws Exception {
        String address = "Alice-" + UUID.randomUUID() + "@Smtpd4c.TEST";
        String normalised = address.toLowerCase(java.util.Locale.ROOT);
        try (KafkaProbe probe = KafkaProbe.open("subscription-events.v1")) {
            given().contentType("application/json")
                    .body("{\"address\":\"" + address + "\",\"list\":\"newsletter\",\"source\":\"test\"}")
                    .post("/api/v1/subscriptions")
                    .then().statusCode(202).body("status", equalTo("accepted"));

            List<String> mails = GreenMail.primary().awaitMessages(normalised, Duration.ofSeconds(10));
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0)).contains("Subject: Please confirm your subscription to newsletter")
                    .contains("X-SMTPD4C-Stream: transactional");

            List<ConsumerRecord<String, String>> events = probe.await(r -> normalised.equals(r.key())
                    && r.value().contains("subscription.requested.v1"), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(Contracts.errors(events.get(0).value())).isEmpty();
            JsonNode event = JSON.readTree(events.get(0).value());
            assertThat(event.path("type").asText()).isEqualTo("dev.smtpd4c.subscription.requested.v1");
            assertThat(event.path("subject").asText()).isEqualTo(normalised);
            assertThat(event.path("data").path("list").asText()).isEqualTo("newsletter");
            assertThat(new String(events.get(0).headers().lastHeader("content-type").value()))
                    .startsWith("application/cloudevents+json");

            // The transactional SLI was recorded for this sign-up (just after the relay accepted the mail).
            String metrics = Eventually.await(() -> given().get("/q/metrics").then().statusCode(200).extract().asString(),
                    m -> m.matches("(?s).*smtpd4c_send_to_accept_seconds_count\\{stream=\"transactional\"\\} [1-9].*"),
                    Duration.ofSeconds(5));
            assertThat(metrics).containsPattern("smtpd4c_send_to_accept_seconds_count\\{stream=\"transactional\"\\} [1-9]");
        }
    }

    @Test
    void signingUpTwiceGivesTheSameReplyAndNoSecondEventOrMail() throws Exception {
        String address = "bob-" + UUID.randomUUID() + "@smtpd4c.test";
        String body = "{\"address\":\"" + address + "\",\"list\":\"news\"}";
        try (KafkaProbe probe = KafkaProbe.open("subscription-events.v1")) {
            String first = given().contentType("application/json").body(body).post("/api/v1/subscriptions")
                    .then().statusCode(202).extract().asString();
            String second = given().contentType("application/json").body(body).post("/api/v1/subscriptions")
                    .then().statusCode(202).extract().asString();
            assertThat(second).isEqualTo(first);
            assertThat(probe.await(r -> address.equals(r.key()) && r.value().contains("subscription.requested.v1"), 2,
                    Duration.ofSeconds(5))).hasSize(1);
            assertThat(probe.await(r -> address.equals(r.key()) && r.value().contains("subscription.mail-sent.v1"), 2,
                    Duration.ofSeconds(1))).hasSize(1);
            assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(5))).hasSize(1);
        }
    }

    @Test
    void invalidAddressIsAProblemAndStoresNothing() {
        given().contentType("application/json").body("{\"address\":\"not an address\",\"list\":\"news\"}")
                .post("/api/v1/subscriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-input"))
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("address"))
                .body("errors[0].code", equalTo("no-at"));
        given().contentType("application/json").body("{\"address\": ")
                .post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        long stored = QuarkusTransaction.requiringNew().call(() -> subscriptions.count("address like ?1", "not an address%"));
        assertThat(stored).isZero();
    }
}
