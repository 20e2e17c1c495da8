package dev.smtpd4c.bounce.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.bounce.support.Contracts;
import dev.smtpd4c.bounce.support.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Bounce mail end to end against the real PostgreSQL and Kafka broker: POSTed once, stored once,
 * the address suppressed, and the bounce and suppression events on the broker as the contract says.
 * Each test gives the corpus mail a recipient of its own, so tests and runs do not see each other.
 */
@QuarkusTest
class BounceIngestSliceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void hardBounceIsStoredOnceSuppressesAndIsAnnouncedOnKafka() throws Exception {
        String rcpt = "kijitora-" + UUID.randomUUID() + "@example.co.jp";
        byte[] mail = corpus("postfix-userunknown.eml").replace("kijitora@example.co.jp", rcpt)
                .replace("X-Mailer: Apple Mail (2.936)", "X-Mailer: Apple Mail (2.936)\nX-SMTPD4C-Stream: marketing")
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProbe bounces = KafkaProbe.open("bounce-events.v1");
                KafkaProbe suppressions = KafkaProbe.open("suppression-events.v1")) {
            String first = given().contentType("message/rfc822").body(mail).post("/api/v1/bounces")
                    .then().statusCode(200)
                    .body("duplicate", equalTo(false)).body("results", hasSize(1))
                    .body("results[0].recipient", equalTo(rcpt)).body("results[0].reason", equalTo("userunknown"))
                    .body("results[0].hardBounce", equalTo(true)).body("results[0].sendingDomain", equalTo("example.ne.jp"))
                    .body("results[0].stream", equalTo("marketing")).body("results[0].suppressedIn", equalTo("global"))
                    .extract().asString();

            JsonNode bounce = only(bounces.await(r -> rcpt.equals(r.key()), 1, Duration.ofSeconds(20)));
            assertThat(bounce.path("type").asText()).isEqualTo("dev.smtpd4c.bounce.recorded.v1");
            assertThat(bounce.path("data").path("status").asText()).isEqualTo("5.1.1");
            assertThat(bounce.path("data").path("decodedBy").asText()).isNotEmpty();
            JsonNode added = only(suppressions.await(r -> rcpt.equals(r.key()), 1, Duration.ofSeconds(20)));
            assertThat(added.path("type").asText()).isEqualTo("dev.smtpd4c.suppression.added.v1");
            assertThat(added.path("data").path("reason").asText()).isEqualTo("hard-bounce");
            assertThat(added.path("data").path("scope").asText()).isEqualTo("global");

            // The same bytes again: the earlier answer, and not one new row or event.
            String second = given().contentType("message/rfc822").body(mail).post("/api/v1/bounces")
                    .then().statusCode(200).body("duplicate", equalTo(true)).extract().asString();
            assertThat(JSON.readTree(second).path("results")).isEqualTo(JSON.readTree(first).path("results"));
            assertThat(count("SELECT count(*) FROM inbound_message WHERE convert_from(raw, 'UTF8') LIKE ?1", "%" + rcpt + "%"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM bounce WHERE recipient = ?1", rcpt)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM suppression WHERE address = ?1", rcpt)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM suppression_audit WHERE address = ?1 AND action = 'added'", rcpt)).isEqualTo(1);
            assertThat(bounces.await(r -> rcpt.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
            assertThat(suppressions.await(r -> rcpt.equals(r.key()), 2, Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void complaintInAnMboxIsRecordedAndSuppressesTheAddress() throws Exception {
        String rcpt = "nyan-" + UUID.randomUUID() + "@yahoo.com";
        String arf = corpus("yahoo-arf-abuse.eml").replace("this-local-part-does-not-exist-on-yahoo@yahoo.com", rcpt);
        String bounce = corpus("postfix-userunknown.eml").replace("kijitora@example.co.jp", "mbox-" + rcpt);
        String mbox = "From MAILER-DAEMON Thu Apr 29 23:45:46 2013\n" + arf + "\nFrom MAILER-DAEMON Mon May 24 19:06:50 2010\n" + bounce;
        try (KafkaProbe events = KafkaProbe.open("bounce-events.v1")) {
            given().contentType("application/mbox").body(mbox.getBytes(StandardCharsets.UTF_8)).post("/api/v1/bounces")
                    .then().statusCode(200).body("results", hasSize(2))
                    .body("results[0].kind", equalTo("complaint")).body("results[0].feedbackType", equalTo("abuse"))
                    .body("results[0].suppressedIn", equalTo("global"))
                    .body("results[1].kind", equalTo("bounce"));
            JsonNode complaint = only(events.await(r -> rcpt.equals(r.key()), 1, Duration.ofSeconds(20)));
            assertThat(complaint.path("type").asText()).isEqualTo("dev.smtpd4c.complaint.recorded.v1");
            assertThat(complaint.path("data").path("sendingDomain").asText()).isEqualTo("example.com");
        }
    }

    @Test
    void mailThatIsNoBounceIsStoredWithNoResultsAndNotParsedAgain() {
        String mail = "From: alice@example.org\nTo: bob@example.org\nSubject: lunch " + UUID.randomUUID() + "\n\nAt noon?\n";
        given().contentType("message/rfc822").body(mail.getBytes(StandardCharsets.UTF_8)).post("/api/v1/bounces")
                .then().statusCode(200).body("duplicate", equalTo(false)).body("results", hasSize(0));
        given().contentType("message/rfc822").body(mail.getBytes(StandardCharsets.UTF_8)).post("/api/v1/bounces")
                .then().statusCode(200).body("duplicate", equalTo(true)).body("results", hasSize(0));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long before = count("SELECT count(*) FROM inbound_message", null);
        given().contentType("message/rfc822").body(new byte[0]).post("/api/v1/bounces")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/empty-message"));
        byte[] tooLarge = new byte[1024 * 1024 + 1]; // %test caps at 1M
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        given().contentType("message/rfc822").body(tooLarge).post("/api/v1/bounces")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/message-too-large"));
        given().contentType("text/plain").body("hello").post("/api/v1/bounces")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM inbound_message", null)).isEqualTo(before);
    }

    private static JsonNode only(List<ConsumerRecord<String, String>> records) throws IOException {
        assertThat(records).hasSize(1);
        assertThat(Contracts.errors(records.get(0).value())).isEmpty();
        return JSON.readTree(records.get(0).value());
    }

    private long count(String sql, String param) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            if (param != null) {
                q.setParameter(1, param);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    static String corpus(String name) throws IOException {
        try (InputStream in = BounceIngestSliceTest.class.getResourceAsStream("/bounces/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
