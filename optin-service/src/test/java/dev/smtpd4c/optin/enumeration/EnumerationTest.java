package dev.smtpd4c.optin.enumeration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.Contracts;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.KafkaSend;
import dev.smtpd4c.optin.support.Mails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nobody can learn from sign-up or resend whether an address is known: for a new, pending, confirmed,
 * unsubscribed and suppressed address (bounce-service's suppression event, published to the real
 * broker) the reply has the same status, body and headers (all but Date and request ids), and the
 * same timing class — none waits for a mail, although here every mail spends 3 s on a silent
 * primary relay before the secondary takes it.
 */
@QuarkusTest
@TestProfile(SlowPrimaryRelayProfile.class)
class EnumerationTest {

    private static final Set<String> VARYING_HEADERS = Set.of("date", "x-request-id", "traceparent");
    /** Half the time a mail takes here: a reply that waited for one could not be this fast. */
    private static final long FAST_MILLIS = SlowPrimaryRelayProfile.SEND_TIMEOUT_MILLIS / 2;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    EntityManager em;

    record Reply(int status, Map<String, String> headers, String body) {}

    @Test
    void signUpAndResendReplyAlikeForEveryState() throws Exception {
        // their mails go through lanes chosen by address, mostly different ones, so the setup runs in parallel
        String pending = "pending-" + UUID.randomUUID() + "@smtpd4c.test";
        String confirmed = "confirmed-" + UUID.randomUUID() + "@mail.smtpd4c.test";
        String unsubscribed = "unsub-" + UUID.randomUUID() + "@mx1.smtpd4c.test";
        for (String a : List.of(pending, confirmed, unsubscribed)) {
            signUp(a);
        }
        given().formParam("token", Mails.token(mailTo(confirmed, 1), "/confirm")).post("/confirm").then().statusCode(200);
        given().queryParam("token", Mails.token(mailTo(unsubscribed, 1), "/unsubscribe")).formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe").then().statusCode(200);
        mailTo(pending, 1);
        awaitStatus(confirmed, Subscription.Status.CONFIRMED);
        awaitStatus(unsubscribed, Subscription.Status.UNSUBSCRIBED);
        awaitSent(pending);
        String suppressed = "suppressed-" + UUID.randomUUID() + "@smtpd4c.test";
        KafkaSend.send("suppression-events.v1", suppressed, suppressionAdded(suppressed));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (suppressions(suppressed) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(suppressions(suppressed)).as("suppression of %s applied", suppressed).isEqualTo(1);

        String fresh = "new-" + UUID.randomUUID() + "@smtpd4c.test";
        Map<String, String> states = new LinkedHashMap<>();
        states.put("new", fresh);
        states.put("pending", pending);
        states.put("confirmed", confirmed);
        states.put("unsubscribed", unsubscribed);
        states.put("suppressed", suppressed);

        // resend first, while the pending address still is pending and the new one unknown
        assertAlike("resend", states, "/api/v1/subscriptions/resend");
        assertAlike("sign-up", states, "/api/v1/subscriptions");

        // What the replies hid did happen: a mail each for the new address, the pending one's resend
        // and the returning unsubscriber; none for the confirmed address, which stays confirmed, nor
        // for the suppressed one.
        assertThat(mailTo(fresh, 1)).contains("Subject: Please confirm your subscription to news");
        assertThat(mailTo(pending, 2)).contains("Subject: Please confirm your subscription to news");
        assertThat(mailTo(unsubscribed, 2)).contains("Subject: Please confirm your subscription to news");
        assertThat(new GreenMail(8026).awaitMessages(confirmed, Duration.ofMillis(500))).hasSize(1);
        assertThat(status(confirmed)).isEqualTo(Subscription.Status.CONFIRMED);
        assertThat(new GreenMail(8026).awaitMessages(suppressed, Duration.ofMillis(500))).isEmpty();
        assertThat(GreenMail.primary().awaitMessages(suppressed, Duration.ofMillis(100))).isEmpty();
    }

    private long suppressions(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM suppressed_address WHERE address = ?1").setParameter(1, address).getSingleResult()).longValue());
    }

    /** suppression.added.v1 as bounce-service publishes it. */
    private static String suppressionAdded(String address) throws Exception {
        String now = Instant.now().toString();
        String data = "{\"address\":\"" + address + "\",\"scope\":\"global\",\"reason\":\"hard-bounce\",\"detail\":\"userunknown\","
                + "\"source\":\"rest\",\"actor\":\"bounce-service\",\"suppressedAt\":\"" + now + "\"}";
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/smtpd4c/bounce-service\","
                + "\"type\":\"dev.smtpd4c.suppression.added.v1\",\"time\":\"" + now + "\",\"datacontenttype\":\"application/json\","
                + "\"subject\":\"" + address + "\",\"data\":" + data + "}";
        assertThat(Contracts.errors(event)).as("the test's own event conforms to the contract").isEmpty();
        return event;
    }

    private void assertAlike(String what, Map<String, String> states, String path) {
        Map<String, Reply> replies = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Map.Entry<String, String> state : states.entrySet()) {
            long start = System.nanoTime();
            ExtractableResponse<Response> r = given().contentType("application/json")
                    .body("{\"address\":\"" + state.getValue() + "\",\"list\":\"news\"}").post(path).then().extract();
            millis.put(state.getKey(), (System.nanoTime() - start) / 1_000_000);
            Map<String, String> headers = new TreeMap<>();
            r.headers().forEach(h -> {
                if (!VARYING_HEADERS.contains(h.getName().toLowerCase(Locale.ROOT))) {
                    headers.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (x, y) -> x + ", " + y);
                }
            });
            replies.put(state.getKey(), new Reply(r.statusCode(), headers, r.asString()));
        }
        Reply first = replies.get("new");
        assertThat(first.status()).as(what).isEqualTo(202);
        assertThat(first.headers()).as(what).containsKeys("content-type", "content-length");
        replies.forEach((state, reply) -> assertThat(reply).as("%s reply for a %s address", what, state).isEqualTo(first));
        millis.forEach((state, ms) -> assertThat(ms).as("%s reply time for a %s address (ms)", what, state).isLessThan(FAST_MILLIS));
    }

    private static void signUp(String address) {
        given().contentType("application/json").body("{\"address\":\"" + address + "\",\"list\":\"news\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
    }

    /** The {@code count}-th mail to {@code address} (they all come through the secondary relay). */
    private static String mailTo(String address, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> mails;
        do {
            mails = new GreenMail(8026).awaitMessages(address, Duration.ofSeconds(1));
        } while (mails.size() < count && System.nanoTime() < deadline);
        assertThat(mails).as("mails to %s", address).hasSizeGreaterThanOrEqualTo(count);
        return mails.get(count - 1);
    }

    private void awaitStatus(String address, Subscription.Status expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (status(address) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(status(address)).isEqualTo(expected);
    }

    private void awaitSent(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (subscription(address).confirmationSentAt == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(subscription(address).confirmationSentAt).isNotNull();
    }

    private Subscription.Status status(String address) {
        return subscription(address).status;
    }

    private Subscription subscription(String address) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByAddressAndList(address, "news").orElseThrow());
    }
}
