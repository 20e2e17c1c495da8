package dev.smtpd4c.optin.confirm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.Contracts;
import dev.smtpd4c.optin.support.Eventually;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.KafkaProbe;
import dev.smtpd4c.optin.support.Mails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The double opt-in end to end: real GreenMail, PostgreSQL and Kafka. */
@QuarkusTest
class DoubleOptInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "subscription-events.v1";

    @Inject
    SubscriptionRepository subscriptions;

    @Test
    void theLinkShowsAPageAndOnlyThePostConfirmsOnce() throws Exception {
        String address = "carol-" + UUID.randomUUID() + "@smtpd4c.test";
        try (KafkaProbe probe = KafkaProbe.open(TOPIC)) {
            signUp(address);
            String token = Mails.token(mailTo(address), "/confirm");

            given().queryParam("token", token).get("/confirm").then().statusCode(200)
                    .contentType("text/html").body(containsString("<form method=\"post\" action=\"/confirm\">"));
            assertThat(status(address)).isEqualTo(Subscription.Status.PENDING); // a scanner's GET changed nothing

            given().formParam("token", token).post("/confirm").then().statusCode(200)
                    .body(containsString("Subscription confirmed"));
            assertThat(status(address)).isEqualTo(Subscription.Status.CONFIRMED);

            List<ConsumerRecord<String, String>> confirmed = probe.await(r -> address.equals(r.key())
                    && r.value().contains("subscription.confirmed.v1"), 1, Duration.ofSeconds(15));
            assertThat(confirmed).hasSize(1);
            assertThat(Contracts.errors(confirmed.get(0).value())).isEmpty();
            assertThat(JSON.readTree(confirmed.get(0).value()).path("data").path("address").asText()).isEqualTo(address);

            // Reuse: a clear page, no second event.
            given().formParam("token", token).post("/confirm").then().statusCode(409)
                    .body(containsString("already used"));
            assertThat(status(address)).isEqualTo(Subscription.Status.CONFIRMED);
            assertThat(probe.await(r -> address.equals(r.key()) && r.value().contains("subscription.confirmed.v1"), 2,
                    Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void forgedTokensConfirmNothing() throws Exception {
        String address = "dave-" + UUID.randomUUID() + "@smtpd4c.test";
        signUp(address);
        String token = Mails.token(mailTo(address), "/confirm");
        String[] p = token.split("\\.");
        String badMac = p[0] + "." + p[1] + "." + (p[2].charAt(0) == 'A' ? 'B' : 'A') + p[2].substring(1);
        String otherKid = "retired." + p[1] + "." + p[2];
        String unsubscribeAsConfirm = Mails.token(mailTo(address), "/unsubscribe");
        for (String forged : List.of(badMac, otherKid, unsubscribeAsConfirm, "junk")) {
            given().formParam("token", forged).post("/confirm").then().statusCode(400)
                    .body(containsString("not valid"), not(containsString(forged)));
            given().queryParam("token", forged).get("/confirm").then().statusCode(400);
        }
        assertThat(status(address)).isEqualTo(Subscription.Status.PENDING);
    }

    @Test
    void theMailCarriesOneClickUnsubscribeAndThePostUnsubscribes() throws Exception {
        String address = "erin-" + UUID.randomUUID() + "@smtpd4c.test";
        try (KafkaProbe probe = KafkaProbe.open(TOPIC)) {
            signUp(address);
            String mail = Mails.readable(mailTo(address));
            assertThat(mail).containsPattern("List-Unsubscribe: <http://[^>]+/unsubscribe\\?token=[A-Za-z0-9_.-]+>")
                    .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
            String token = Mails.token(mail, "/unsubscribe");

            given().queryParam("token", token).get("/unsubscribe").then().statusCode(200)
                    .body(containsString("name=\"List-Unsubscribe\" value=\"One-Click\""));
            given().queryParam("token", token).formParam("List-Unsubscribe", "Other").post("/unsubscribe")
                    .then().statusCode(400);
            assertThat(status(address)).isEqualTo(Subscription.Status.PENDING);

            // What an RFC 8058 client sends: the URL as is, and this one body.
            given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click").post("/unsubscribe").then().statusCode(200);
            assertThat(status(address)).isEqualTo(Subscription.Status.UNSUBSCRIBED);
            List<ConsumerRecord<String, String>> events = probe.await(r -> address.equals(r.key())
                    && r.value().contains("subscription.unsubscribed.v1"), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(Contracts.errors(events.get(0).value())).isEmpty();
        }
    }

    @Test
    void signUpRepliesAlikeForNewPendingConfirmedAndUnsubscribedAddresses() throws Exception {
        String pending = "p-" + UUID.randomUUID() + "@smtpd4c.test";
        String confirmed = "c-" + UUID.randomUUID() + "@smtpd4c.test";
        String unsubscribed = "u-" + UUID.randomUUID() + "@smtpd4c.test";
        for (String a : List.of(pending, confirmed, unsubscribed)) {
            signUp(a);
        }
        given().formParam("token", Mails.token(mailTo(confirmed), "/confirm")).post("/confirm").then().statusCode(200);
        given().queryParam("token", Mails.token(mailTo(unsubscribed), "/unsubscribe")).formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe").then().statusCode(200);

        String fresh = "n-" + UUID.randomUUID() + "@smtpd4c.test";
        List<String> replies = List.of(fresh, pending, confirmed, unsubscribed).stream().map(a -> {
            var r = given().contentType("application/json").body(body(a)).post("/api/v1/subscriptions").then().extract();
            return r.statusCode() + " " + r.contentType() + " " + r.asString();
        }).toList();
        assertThat(replies).containsOnly(replies.get(0));
        assertThat(replies.get(0)).startsWith("202 ");
        // Re-signing up never downgrades a confirmed address.
        assertThat(status(confirmed)).isEqualTo(Subscription.Status.CONFIRMED);
    }

    @Test
    void consentIsExportedAndErasureLeavesOnlyATombstone() throws Exception {
        String address = "frank-" + UUID.randomUUID() + "@smtpd4c.test";
        given().contentType("application/json").header("User-Agent", "test-agent/1").body(body(address))
                .post("/api/v1/subscriptions").then().statusCode(202);
        String mail = mailTo(address);
        // the mail's consent step commits just after the relay accepted it; confirm only after it
        assertThat(Eventually.await(() -> QuarkusTransaction.requiringNew().call(
                () -> subscriptions.findByAddressAndList(address, "news").orElseThrow().confirmationSentAt),
                t -> t != null, Duration.ofSeconds(5))).isNotNull();
        given().formParam("token", Mails.token(mail, "/confirm")).post("/confirm").then().statusCode(200);

        JsonNode export = JSON.readTree(given().get("/api/v1/consent/" + address).then().statusCode(200).extract().asString());
        assertThat(export.path("steps").findValuesAsText("step")).containsExactly("REQUESTED", "MAIL_SENT", "CONFIRMED");
        JsonNode requested = export.path("steps").get(0);
        assertThat(requested.path("userAgent").asText()).isEqualTo("test-agent/1");
        assertThat(requested.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(requested.path("source").asText()).isEqualTo("test-form");
        assertThat(requested.path("textVersion").asText()).isEqualTo("form-7");

        try (KafkaProbe probe = KafkaProbe.open(TOPIC)) {
            String hash = given().delete("/api/v1/subscribers/" + address).then().statusCode(200).extract().path("addressHash");
            assertThat(hash).doesNotContain("frank");
            assertThat(given().get("/api/v1/consent/" + address).then().statusCode(200).extract().asString())
                    .doesNotContain("REQUESTED");
            assertThat(QuarkusTransaction.requiringNew().call(() -> subscriptions.count("address", address))).isZero();
            List<ConsumerRecord<String, String>> erased = probe.await(r -> hash.equals(r.key()), 1, Duration.ofSeconds(15));
            assertThat(erased).hasSize(1);
            assertThat(erased.get(0).value()).doesNotContain(address);
            assertThat(Contracts.errors(erased.get(0).value())).isEmpty();
        }
    }

    private static String body(String address) {
        return "{\"address\":\"" + address + "\",\"list\":\"news\",\"source\":\"test-form\",\"formVersion\":\"form-7\"}";
    }

    private static void signUp(String address) {
        given().contentType("application/json").body(body(address)).post("/api/v1/subscriptions").then().statusCode(202);
    }

    private static String mailTo(String address) throws Exception {
        List<String> mails = GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10));
        assertThat(mails).as("confirmation mail to %s", address).hasSize(1);
        return mails.get(0);
    }

    private Subscription.Status status(String address) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByAddressAndList(address, "news").orElseThrow().status);
    }
}
