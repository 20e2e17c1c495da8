package dev.smtpd4c.optin.confirm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.smtpd4c.optin.mail.PrimaryRelayDownProfile;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.Mails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Confirm links issued with a TTL of 0 are expired on arrival: a clear page, and nothing changes. */
@QuarkusTest
@TestProfile(PrimaryRelayDownProfile.class)
class ExpiredLinkTest {

    @Inject
    SubscriptionRepository subscriptions;

    @Test
    void anExpiredLinkConfirmsNothing() throws Exception {
        String address = "heidi-" + UUID.randomUUID() + "@smtpd4c.test";
        given().contentType("application/json").body("{\"address\":\"" + address + "\",\"list\":\"news\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        String token = Mails.token(new GreenMail(8026).awaitMessages(address, Duration.ofSeconds(10)).get(0), "/confirm");

        given().queryParam("token", token).get("/confirm").then().statusCode(410).body(containsString("expired"));
        given().formParam("token", token).post("/confirm").then().statusCode(410).body(containsString("expired"));
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> subscriptions.findByAddressAndList(address, "news").orElseThrow().status))
                .isEqualTo(Subscription.Status.PENDING);
    }
}
