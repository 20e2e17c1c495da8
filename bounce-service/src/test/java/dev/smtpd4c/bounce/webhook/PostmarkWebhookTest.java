package dev.smtpd4c.bounce.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Postmark has no signatures: HTTP Basic credentials (and a source allowlist) are the proof. */
@QuarkusTest
@WithTestResource(value = WebhookKeys.class, scope = TestResourceScope.GLOBAL)
class PostmarkWebhookTest {

    @Inject
    EntityManager em;

    @Test
    void hardBounceWithTheCredentialsIsRecordedAndSuppresses() {
        String rcpt = "pm-" + UUID.randomUUID() + "@example.org";
        given().auth().preemptive().basic("postmark", password()).contentType("application/json").body(bounce(rcpt))
                .post("/api/v1/webhooks/postmark")
                .then().statusCode(200).body("results[0].results[0].reason", equalTo("userunknown"))
                .body("results[0].results[0].stream", equalTo("broadcast"))
                .body("results[0].results[0].suppressedIn", equalTo("global"));
        given().auth().preemptive().basic("postmark", password()).contentType("application/json")
                .body("""
                        {"RecordType":"SpamComplaint","ID":%d,"Type":"SpamComplaint","Email":"c-%s","From":"news@sender.example",
                         "MessageID":"%s","MessageStream":"broadcast"}""".formatted(System.nanoTime(), rcpt, UUID.randomUUID()))
                .post("/api/v1/webhooks/postmark")
                .then().statusCode(200).body("results[0].results[0].suppressedIn", equalTo("stream:broadcast"));
        assertThat(Stored.suppressions(em, rcpt)).isEqualTo(1);
        assertThat(Stored.suppressions(em, "c-" + rcpt)).isEqualTo(1);
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedAndStoreNothing() {
        String rcpt = "pm-forged-" + UUID.randomUUID() + "@example.org";
        given().auth().preemptive().basic("postmark", "guess").contentType("application/json").body(bounce(rcpt))
                .post("/api/v1/webhooks/postmark").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/webhook-unsigned"));
        given().contentType("application/json").body(bounce(rcpt)).post("/api/v1/webhooks/postmark").then().statusCode(401);
        assertThat(Stored.inbound(em, rcpt)).isZero();
    }

    @Test
    void sourceAllowlistMatchesAddressesAndRanges() {
        assertThat(PostmarkGate.inRange("127.0.0.1", "127.0.0.0/8")).isTrue();
        assertThat(PostmarkGate.inRange("3.134.147.250", "3.134.147.250")).isTrue();
        assertThat(PostmarkGate.inRange("3.134.147.251", "3.134.147.250")).isFalse();
        assertThat(PostmarkGate.inRange("10.0.0.1", "127.0.0.0/8")).isFalse();
        assertThat(PostmarkGate.inRange("::1", "127.0.0.0/8")).isFalse();
    }

    private static String password() {
        return ConfigProvider.getConfig().getValue("smtpd4c.webhooks.postmark.password", String.class);
    }

    private static String bounce(String rcpt) {
        return """
                {"RecordType":"Bounce","ID":%d,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce","Tag":"",
                 "MessageID":"%s","ServerID":23,"MessageStream":"broadcast","Description":"The server was unable to deliver your message",
                 "Details":"smtp;550 5.1.1 The email account that you tried to reach does not exist","Email":"%s",
                 "From":"news@sender.example","BouncedAt":"2026-11-28T10:00:00Z","Inactive":true,"CanActivate":true}"""
                .formatted(System.nanoTime(), UUID.randomUUID(), rcpt);
    }
}
