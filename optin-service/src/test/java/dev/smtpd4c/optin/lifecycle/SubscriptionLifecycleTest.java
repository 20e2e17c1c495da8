package dev.smtpd4c.optin.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.Contracts;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.KafkaProbe;
import dev.smtpd4c.optin.support.Mails;
import dev.smtpd4c.optin.support.MimeReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A pending sign-up gets one reminder, then expires, each step with its consent record and event; a confirmed one does neither. */
@QuarkusTest
@TestProfile(FastLifecycleProfile.class)
class SubscriptionLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SubscriptionRepository subscriptions;

    @Test
    void anUnconfirmedSignUpGetsOneReminderThenExpires() throws Exception {
        String address = "late-" + UUID.randomUUID() + "@smtpd4c.test";
        try (KafkaProbe probe = KafkaProbe.open("subscription-events.v1")) {
            signUp(address, "de");
            List<String> mails = GreenMail.primary().awaitMessages(address, 2, Duration.ofSeconds(15));
            assertThat(mails).hasSize(2);
            assertThat(MimeReader.read(mails.get(1)).header("Subject")).startsWith("Erinnerung: Bitte bestätigen");

            List<ConsumerRecord<String, String>> expired = probe.await(r -> address.equals(r.key())
                    && r.value().contains("subscription.expired.v1"), 1, Duration.ofSeconds(20));
            assertThat(expired).hasSize(1);
            assertThat(Contracts.errors(expired.get(0).value())).isEmpty();
            List<ConsumerRecord<String, String>> sent = probe.await(r -> address.equals(r.key())
                    && r.value().contains("subscription.mail-sent.v1"), 2, Duration.ofSeconds(5));
            assertThat(sent.stream().map(r -> kind(r.value())).toList()).containsExactly("confirmation", "reminder");
            for (ConsumerRecord<String, String> r : sent) {
                assertThat(Contracts.errors(r.value())).isEmpty();
            }

            assertThat(QuarkusTransaction.requiringNew().call(() -> subscriptions.findByAddressAndList(address, "news")
                    .orElseThrow().status)).isEqualTo(Subscription.Status.EXPIRED);
            JsonNode export = JSON.readTree(given().get("/api/v1/consent/" + address).then().statusCode(200).extract().asString());
            assertThat(export.path("steps").findValuesAsText("step")).containsExactly("REQUESTED", "MAIL_SENT", "MAIL_SENT", "EXPIRED");

            // Still only the two mails, and the old link no longer confirms.
            assertThat(GreenMail.primary().awaitMessages(address, 3, Duration.ofSeconds(2))).hasSize(2);
            given().formParam("token", Mails.token(mails.get(1), "/confirm")).post("/confirm").then().statusCode(409);
        }
    }

    @Test
    void aConfirmedSignUpGetsNoReminderAndDoesNotExpire() throws Exception {
        String address = "quick-" + UUID.randomUUID() + "@smtpd4c.test";
        signUp(address, "en");
        String mail = GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10)).get(0);
        given().formParam("token", Mails.token(mail, "/confirm")).post("/confirm").then().statusCode(200);
        Thread.sleep(10_000); // past reminder-after and expire-after
        assertThat(GreenMail.primary().awaitMessages(address, 2, Duration.ofMillis(100))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> subscriptions.findByAddressAndList(address, "news")
                .orElseThrow().status)).isEqualTo(Subscription.Status.CONFIRMED);
    }

    private static String kind(String event) {
        try {
            return JSON.readTree(event).path("data").path("kind").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void signUp(String address, String locale) {
        given().contentType("application/json")
                .body("{\"address\":\"" + address + "\",\"list\":\"news\",\"locale\":\"" + locale + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
    }
}
