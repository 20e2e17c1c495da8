package dev.smtpd4c.optin.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.support.Eventually;
import dev.smtpd4c.optin.support.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Primary relay down: the confirmation mail reaches the real secondary GreenMail, and the failure is counted. */
@QuarkusTest
@TestProfile(PrimaryRelayDownProfile.class)
class RelayFailoverTest {

    @Test
    void theMailGoesThroughTheSecondaryRelay() throws Exception {
        double primaryFailuresBefore = metric("smtpd4c_mail_send_failures_total{relay=\"primary\"}");
        String address = "grace-" + UUID.randomUUID() + "@smtpd4c.test";
        given().contentType("application/json").body("{\"address\":\"" + address + "\",\"list\":\"news\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);

        List<String> viaSecondary = new GreenMail(8026).awaitMessages(address, Duration.ofSeconds(10));
        assertThat(viaSecondary).hasSize(1);
        assertThat(viaSecondary.get(0)).contains("Subject: Please confirm your subscription to news");
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(1))).isEmpty();

        assertThat(metric("smtpd4c_mail_send_failures_total{relay=\"primary\"}")).isGreaterThan(primaryFailuresBefore);
        assertThat(metric("smtpd4c_mail_send_failures_total{relay=\"secondary\"}")).isZero();
        assertThat(Eventually.await(() -> metric("smtpd4c_send_to_accept_seconds_count{stream=\"transactional\"}"), v -> v > 0,
                Duration.ofSeconds(5))).isPositive();
    }

    private static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("series %s in /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
