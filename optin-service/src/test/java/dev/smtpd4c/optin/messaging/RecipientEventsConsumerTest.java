package dev.smtpd4c.optin.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.Contracts;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.KafkaProbe;
import dev.smtpd4c.optin.support.KafkaSend;
import dev.smtpd4c.optin.support.Mails;
import dev.smtpd4c.optin.support.MimeReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * bounce-service's suppressions and sunset-service's statuses, published to the real broker as
 * those services would: suppressed and suspended addresses get no mail, RECONFIRM sends a
 * re-confirmation mail whose link confirms again, redeliveries change nothing, bad records go to
 * optin-service-dlq.v1 with the reason.
 */
@QuarkusTest
class RecipientEventsConsumerTest {

    private static final String SUPPRESSIONS = "suppression-events.v1";
    private static final String STATUSES = "recipient-status-events.v1";
    private static final String DLQ = "optin-service-dlq.v1";

    @Inject
    EntityManager em;

    @Inject
    SubscriptionRepository subscriptions;

    @Test
    void aSuppressedAddressGetsNoMailUntilTheSuppressionIsLifted() throws Exception {
        String address = "sup-" + UUID.randomUUID() + "@smtpd4c.test";
        publish(SUPPRESSIONS, address, suppression("added", address, "global"));
        await(() -> count("suppressed_address", address) == 1, "suppression applied");
        double blockedBefore = metric("smtpd4c_mail_blocked_total");

        signUp(address, "news");
        await(() -> metric("smtpd4c_mail_blocked_total") > blockedBefore, "the mail was refused, not just slow");
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(3))).isEmpty();

        publish(SUPPRESSIONS, address, suppression("lifted", address, "global"));
        await(() -> count("suppressed_address", address) == 0, "suppression lifted");
        signUp(address, "offers");
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void aSuspendedRecipientGetsNoMailAndAMarketingOnlySuppressionDoesNotStopTransactionalMail() throws Exception {
        String suspended = "susp-" + UUID.randomUUID() + "@smtpd4c.test";
        String marketingOnly = "mkt-" + UUID.randomUUID() + "@smtpd4c.test";
        publish(STATUSES, suspended, status(suspended, "SUSPENDED", Instant.now()));
        publish(SUPPRESSIONS, marketingOnly, suppression("added", marketingOnly, "stream:marketing"));
        await(() -> count("recipient_status", suspended) == 1 && count("suppressed_address", marketingOnly) == 1, "both applied");

        signUp(suspended, "news");
        signUp(marketingOnly, "news");
        assertThat(GreenMail.primary().awaitMessages(marketingOnly, Duration.ofSeconds(10))).hasSize(1);
        assertThat(GreenMail.primary().awaitMessages(suspended, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void reconfirmSendsAReconfirmationMailWhoseLinkConfirmsAgainAndARedeliveryChangesNothing() throws Exception {
        String address = "re-" + UUID.randomUUID() + "@smtpd4c.test";
        given().contentType("application/json").body("{\"address\":\"" + address + "\",\"list\":\"news\",\"locale\":\"fr\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        String first = GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10)).get(0);
        given().formParam("token", Mails.token(first, "/confirm")).post("/confirm").then().statusCode(200);

        try (KafkaProbe probe = KafkaProbe.open("subscription-events.v1")) {
            String event = status(address, "RECONFIRM", Instant.now());
            publish(STATUSES, address, event);
            await(() -> count("recipient_status", address) == 1, "status applied (after whatever backlog the topic holds)");
            List<String> mails = GreenMail.primary().awaitMessages(address, 2, Duration.ofSeconds(15));
            assertThat(mails).hasSize(2);
            MimeReader.Message reconfirmation = MimeReader.read(mails.get(1));
            assertThat(reconfirmation.header("Subject")).isEqualTo("Souhaitez-vous toujours recevoir news ?");
            assertThat(reconfirmation.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

            List<ConsumerRecord<String, String>> sent = probe.await(r -> address.equals(r.key())
                    && r.value().contains("subscription.mail-sent.v1") && r.value().contains("\"reconfirmation\""), 1, Duration.ofSeconds(15));
            assertThat(sent).hasSize(1);
            assertThat(Contracts.errors(sent.get(0).value())).isEmpty();

            given().formParam("token", Mails.token(mails.get(1), "/confirm")).post("/confirm").then().statusCode(200);
            assertThat(probe.await(r -> address.equals(r.key()) && r.value().contains("subscription.confirmed.v1"), 1,
                    Duration.ofSeconds(15))).hasSize(1);
            Subscription s = QuarkusTransaction.requiringNew().call(() -> subscriptions.findByAddressAndList(address, "news").orElseThrow());
            assertThat(s.status).isEqualTo(Subscription.Status.CONFIRMED);
            assertThat(s.reconfirmRequestedAt).isNull();

            publish(STATUSES, address, event); // the same event again: applied once only
            String marker = "after-" + UUID.randomUUID() + "@smtpd4c.test"; // a later record on the same topic, to know the redelivery was read
            publish(STATUSES, marker, status(marker, "ACTIVE", Instant.now()));
            await(() -> count("recipient_status", marker) == 1, "later record applied");
            assertThat(GreenMail.primary().awaitMessages(address, 3, Duration.ofSeconds(3))).hasSize(2);
        }
    }

    @Test
    void recordsThatCannotBeAppliedGoToTheDeadLetterTopicWithTheReason() throws Exception {
        String notJson = "junk-" + UUID.randomUUID();
        String noScope = "noscope-" + UUID.randomUUID() + "@smtpd4c.test";
        try (KafkaProbe dlq = KafkaProbe.open(DLQ)) {
            KafkaSend.send(SUPPRESSIONS, notJson, "{not json");
            KafkaSend.send(SUPPRESSIONS, noScope, suppression("added", noScope, "global").replace("\"scope\":\"global\",", ""));
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> notJson.equals(r.key()) || noScope.equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(dead).hasSize(2);
            assertThat(dead).allSatisfy(r -> assertThat(reason(r)).isNotBlank());
            assertThat(dead.stream().filter(r -> noScope.equals(r.key())).map(RecipientEventsConsumerTest::reason))
                    .singleElement().asString().contains("scope");
        }
        assertThat(count("suppressed_address", noScope)).isZero();
    }

    private static String reason(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void publish(String topic, String key, String event) throws Exception {
        assertThat(Contracts.errors(event)).as("the test's own event conforms to the contract").isEmpty();
        KafkaSend.send(topic, key, event);
    }

    private static String suppression(String kind, String address, String scope) {
        String now = Instant.now().toString();
        String data = kind.equals("added")
                ? "{\"address\":\"" + address + "\",\"scope\":\"" + scope + "\",\"reason\":\"hard-bounce\",\"detail\":\"userunknown\","
                        + "\"source\":\"rest\",\"actor\":\"bounce-service\",\"suppressedAt\":\"" + now + "\"}"
                : "{\"address\":\"" + address + "\",\"scope\":\"" + scope + "\",\"actor\":\"ops:test\",\"reason\":\"mailbox restored\","
                        + "\"liftedAt\":\"" + now + "\"}";
        return envelope("/smtpd4c/bounce-service", "dev.smtpd4c.suppression." + kind + ".v1", address, data);
    }

    private static String status(String address, String to, Instant at) {
        return envelope("/smtpd4c/sunset-service", "dev.smtpd4c.recipient.status-changed.v1", address,
                "{\"recipient\":\"" + address + "\",\"stream\":\"marketing\",\"fromStatus\":\"REDUCED\",\"toStatus\":\"" + to
                        + "\",\"reason\":\"test\",\"cause\":\"evaluation\",\"changedAt\":\"" + at + "\"}");
    }

    private static String envelope(String source, String type, String subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"subject\":\"" + subject
                + "\",\"data\":" + data + "}";
    }

    private static void signUp(String address, String list) {
        given().contentType("application/json").body("{\"address\":\"" + address + "\",\"list\":\"" + list + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
    }

    private long count(String table, String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM " + table + " WHERE address = ?1").setParameter(1, address).getSingleResult()).longValue());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("series %s in /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
