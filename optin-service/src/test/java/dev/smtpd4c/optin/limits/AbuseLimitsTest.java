package dev.smtpd4c.optin.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.Eventually;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.Mails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per IP, address and domain (counted in PostgreSQL), the resend cap and the honeypot,
 * against the real database and GreenMail. Each test uses its own client IPs and its own domain,
 * so the windows of one test do not reach into another: a fresh name under .example, for which the
 * test DNS server is not authoritative (REFUSED, a temporary failure, accepted by the default policy).
 */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
class AbuseLimitsTest {

    private static final AtomicInteger IP = new AtomicInteger(10);

    @Inject
    SubscriptionRepository subscriptions;

    @Test
    void perIpLimitAnswers429WithRetryAfterAndStoresNothing() {
        String domain = newDomain();
        String ip = nextIp();
        for (int i = 0; i < 3; i++) {
            signUp(ip, "ip" + i + "-" + UUID.randomUUID() + "@" + domain, null).statusCode(202);
        }
        String refused = "ip3-" + UUID.randomUUID() + "@" + domain;
        ExtractableResponse<Response> r = signUp(ip, refused, null).statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/rate-limited")).body("status", equalTo(429)).extract();
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertThat(retryAfter).isBetween(3500L, 3600L); // the window is one hour; the oldest hit is seconds old
        assertThat(stored(refused)).isZero();
        // another client is not affected
        signUp(nextIp(), "other-" + UUID.randomUUID() + "@" + domain, null).statusCode(202);
    }

    @Test
    void perAddressLimitCountsEveryClient() {
        String domain = newDomain();
        String address = "addr-" + UUID.randomUUID() + "@" + domain;
        signUp(nextIp(), address, null).statusCode(202);
        signUp(nextIp(), address, null).statusCode(202);
        signUp(nextIp(), address, null).statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void perDomainLimitProtectsASmallDomain() {
        String domain = newDomain();
        for (int i = 0; i < 4; i++) {
            signUp(nextIp(), "dom" + i + "-" + UUID.randomUUID() + "@" + domain, null).statusCode(202);
        }
        signUp(nextIp(), "dom4-" + UUID.randomUUID() + "@" + domain, null).statusCode(429);
    }

    @Test
    void addressChecksAreLimitedPerClient() {
        String ip = nextIp();
        for (int i = 0; i < 2; i++) {
            addressCheck(ip).statusCode(200);
        }
        addressCheck(ip).statusCode(429).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        addressCheck(nextIp()).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse addressCheck(String ip) {
        return given().contentType("application/json").header("X-Forwarded-For", ip)
                .body("{\"address\":\"ann@smtpd4c.test\"}").post("/api/v1/address-checks").then();
    }

    @Test
    void invalidInputIsRefusedBeforeItCounts() {
        String domain = newDomain();
        String ip = nextIp();
        for (int i = 0; i < 5; i++) {
            signUp(ip, "not-an-address", null).statusCode(422);
        }
        signUp(ip, "valid-" + UUID.randomUUID() + "@" + domain, null).statusCode(202);
    }

    @Test
    void honeypotIsAnsweredAlikeButNothingIsStoredOrSent() throws Exception {
        String domain = newDomain();
        String address = "bot-" + UUID.randomUUID() + "@" + domain;
        String human = signUp(nextIp(), "human-" + UUID.randomUUID() + "@" + domain, null).statusCode(202).extract().asString();
        String bot = signUp(nextIp(), address, "http://spam.example").statusCode(202).extract().asString();
        assertThat(bot).isEqualTo(human);
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(2))).isEmpty();
        assertThat(stored(address)).isZero();
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).containsPattern("smtpd4c_honeypot_caught_total\\{action=\"sign_up\"\\} [1-9]");
    }

    @Test
    void resendSendsTheMailAgainUpToTheCapAndRepliesAlikeAfterwards() throws Exception {
        String domain = newDomain();
        String address = "resend-" + UUID.randomUUID() + "@" + domain;
        signUp(nextIp(), address, null).statusCode(202);
        awaitMails(address, 1);
        awaitSent(address);

        String first = resend(address).statusCode(202).extract().asString();
        List<String> two = awaitMails(address, 2);
        assertThat(two.get(1)).contains("Subject: Please confirm your subscription to news");
        assertThat(Mails.token(two.get(1), "/confirm")).isNotBlank(); // a link whose expiry counts from the resend
        awaitSent(address);
        resend(address).statusCode(202);
        awaitMails(address, 3);
        awaitSent(address);
        // cap (2) reached: the same reply, no mail
        assertThat(resend(address).statusCode(202).extract().asString()).isEqualTo(first);
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(2))).hasSize(3);
        assertThat(subscription(address).resendCount).isEqualTo(2);

        // unknown and confirmed addresses: the same reply, nothing sent
        String unknown = "nobody-" + UUID.randomUUID() + "@" + domain;
        assertThat(resend(unknown).statusCode(202).extract().asString()).isEqualTo(first);
        given().formParam("token", Mails.token(awaitMails(address, 3).get(2), "/confirm")).post("/confirm").then().statusCode(200);
        assertThat(resend(address).statusCode(202).extract().asString()).isEqualTo(first);
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(2))).hasSize(3);
        assertThat(GreenMail.primary().awaitMessages(unknown, Duration.ofMillis(200))).isEmpty();

        given().contentType("application/json").header("X-Forwarded-For", nextIp()).body("{\"address\":\"nope\"}")
                .post("/api/v1/subscriptions/resend").then().statusCode(422).body("errors[0].field", equalTo("address"));
    }

    private static io.restassured.response.ValidatableResponse signUp(String ip, String address, String website) {
        String honeypot = website == null ? "" : ",\"website\":\"" + website + "\"";
        return given().contentType("application/json").header("X-Forwarded-For", ip)
                .body("{\"address\":\"" + address + "\",\"list\":\"news\"" + honeypot + "}")
                .post("/api/v1/subscriptions").then();
    }

    private static io.restassured.response.ValidatableResponse resend(String address) {
        return given().contentType("application/json").header("X-Forwarded-For", nextIp())
                .body("{\"address\":\"" + address + "\",\"list\":\"news\"}").post("/api/v1/subscriptions/resend").then();
    }

    private static String newDomain() {
        return "limits-" + UUID.randomUUID() + ".example";
    }

    private static String nextIp() {
        int n = IP.incrementAndGet();
        return "198.51.100." + n;
    }

    private static List<String> awaitMails(String address, int count) throws Exception {
        return Eventually.await(() -> {
            try {
                return GreenMail.primary().awaitMessages(address, Duration.ofMillis(100));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, m -> m.size() >= count, Duration.ofSeconds(10));
    }

    private void awaitSent(String address) throws InterruptedException {
        assertThat(Eventually.await(() -> subscription(address).confirmationSentAt, t -> t != null, Duration.ofSeconds(5))).isNotNull();
    }

    private Subscription subscription(String address) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.findByAddressAndList(address, "news").orElseThrow());
    }

    private long stored(String address) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.count("address", address));
    }
}
