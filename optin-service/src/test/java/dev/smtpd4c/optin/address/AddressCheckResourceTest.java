package dev.smtpd4c.optin.address;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/v1/address-checks and the 422 a sign-up gets for the same problems; real Knot DNS, PostgreSQL, GreenMail. */
@QuarkusTest
class AddressCheckResourceTest {

    @Inject
    SubscriptionRepository subscriptions;

    @org.junit.jupiter.api.BeforeAll
    static void dnsServesTheOptinZone() {
        DnsUnderTest.resolver(); // the service resolves against the same SMTPD4C_DNS
    }

    @Test
    void checkReportsTheVerdictWithReasons() {
        check("Zoë@Optin.TEST").statusCode(200)
                .body("verdict", equalTo("accept")).body("address", equalTo("zoë@optin.test"))
                .body("mailDomain", equalTo("MX")).body("smtpUtf8", equalTo(true)).body("problems", empty())
                .body("suggestion", nullValue());
        check("ann@a-only.optin.test").statusCode(200).body("verdict", equalTo("accept")).body("mailDomain", equalTo("ADDRESS"));
        check("ann@null-mx.optin.test").statusCode(200).body("verdict", equalTo("reject"))
                .body("problems.code", contains("null-mx")).body("mailDomain", equalTo("NULL_MX"));
        check("ann@no-host.optin.test").statusCode(200).body("problems.code", contains("no-mail-host"));
        check("ann@missing.optin.test").statusCode(200).body("problems.code", contains("no-such-domain"));
        check("ann@mailinator.com").statusCode(200).body("problems.code", contains("disposable")).body("disposable", equalTo(true));
        check("ann@gmial.com").statusCode(200).body("suggestion", equalTo("ann@gmail.com"));
        check("ann@bücher.optin.test").statusCode(200).body("address", equalTo("ann@xn--bcher-kva.optin.test"));
        check("a..b@optin.test").statusCode(200).body("verdict", equalTo("reject"))
                .body("problems.code", contains("local-part-syntax")).body("mailDomain", equalTo("NOT_CHECKED"));
        given().contentType("application/json").body("{}").post("/api/v1/address-checks")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void signUpListsEveryInvalidFieldAndStoresNothing() throws Exception {
        String local = "typo-" + UUID.randomUUID();
        given().contentType("application/json")
                .body("{\"address\":\"" + local + "@null-mx.optin.test\",\"list\":\"" + "l".repeat(65) + "\",\"locale\":\"" + "x".repeat(36) + "\","
                        + "\"source\":\"" + "s".repeat(101) + "\"}")
                .post("/api/v1/subscriptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-input"))
                .body("errors.field", contains("address", "list", "source", "locale"))
                .body("errors[0].code", equalTo("null-mx"));
        // gmx.test does not exist (NXDOMAIN) and is two edits from gmx.net
        given().contentType("application/json").body("{\"address\":\"" + local + "@gmx.test\"}")
                .post("/api/v1/subscriptions").then().statusCode(422)
                .body("errors[0].code", equalTo("no-such-domain"))
                .body("errors[0].suggestion", equalTo(local + "@gmx.net"));
        given().contentType("application/json").body("{\"address\":\"" + local + "@mailinator.com\"}")
                .post("/api/v1/subscriptions").then().statusCode(422).body("errors[0].code", equalTo("disposable"));
        given().contentType("application/json").body("{\"list\":\"news\"}")
                .post("/api/v1/subscriptions").then().statusCode(422).body("errors[0].code", equalTo("missing"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> subscriptions.count("address like ?1", local + "%"))).isZero();
        assertThat(GreenMail.primary().awaitMessages(local + "@null-mx.optin.test", Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void anAddressWithOnlyAnARecordSignsUp() throws Exception {
        String address = "a-" + UUID.randomUUID() + "@a-only.optin.test";
        given().contentType("application/json").body("{\"address\":\"" + address + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10))).hasSize(1);
    }

    private static io.restassured.response.ValidatableResponse check(String address) {
        return given().contentType("application/json").body("{\"address\":\"" + address + "\"}")
                .post("/api/v1/address-checks").then();
    }
}
