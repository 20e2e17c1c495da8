package dev.smtpd4c.optin.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.support.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * mail.smtpd4c.test (an A record, no MX, in dns/zones/smtpd4c.test.zone) allows 0.5 mails/s with a burst of 1 (test profile): of two sign-ups at once, one
 * mail goes at once and the other waits for the bucket, then goes through the retry job — held
 * back, not failed.
 */
@QuarkusTest
class DomainThrottleTest {

    @Test
    void theSecondMailToASlowDomainWaitsForItsTokenAndThenGoes() throws Exception {
        double throttledBefore = metric("smtpd4c_mail_throttled_total");
        double failuresBefore = metric("smtpd4c_mail_send_failures_total{relay=\"primary\"}");
        String first = "t1-" + UUID.randomUUID() + "@mail.smtpd4c.test";
        String second = "t2-" + UUID.randomUUID() + "@mail.smtpd4c.test";
        Thread.sleep(2100); // a full bucket, whatever earlier tests took from it
        signUp(first);
        signUp(second);

        assertThat(GreenMail.primary().awaitMessages(first, Duration.ofSeconds(5))).hasSize(1);
        assertThat(GreenMail.primary().awaitMessages(second, Duration.ofMillis(300))).as("held back").isEmpty();
        assertThat(metric("smtpd4c_mail_throttled_total")).isGreaterThan(throttledBefore);
        assertThat(GreenMail.primary().awaitMessages(second, Duration.ofSeconds(15))).as("sent later").hasSize(1);
        assertThat(metric("smtpd4c_mail_send_failures_total{relay=\"primary\"}")).isEqualTo(failuresBefore);
    }

    private static void signUp(String address) {
        given().contentType("application/json").body("{\"address\":\"" + address + "\",\"list\":\"news\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
    }

    private static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("series %s in /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
