package dev.smtpd4c.bounce.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Mailgun's HMAC-signed webhooks with a signing key made for this run; replays by token are refused. */
@QuarkusTest
@WithTestResource(value = WebhookKeys.class, scope = TestResourceScope.GLOBAL)
class MailgunWebhookTest {

    @Inject
    EntityManager em;

    @Test
    void signedPermanentFailureIsRecordedAndSuppresses() throws Exception {
        String rcpt = "mg-" + UUID.randomUUID() + "@example.org";
        String ts = String.valueOf(Instant.now().getEpochSecond());
        given().contentType("application/json").body(event(rcpt, ts, UUID.randomUUID().toString(), null))
                .post("/api/v1/webhooks/mailgun")
                .then().statusCode(200).body("results[0].results[0].reason", equalTo("userunknown"))
                .body("results[0].results[0].hardBounce", equalTo(true))
                .body("results[0].results[0].suppressedIn", equalTo("global"));
        assertThat(Stored.bounces(em, rcpt)).isEqualTo(1);
        assertThat(Stored.suppressions(em, rcpt)).isEqualTo(1);
    }

    @Test
    void forgedStaleAndReplayedRequestsAreRefusedAndStoreNothing() throws Exception {
        String rcpt = "mg-forged-" + UUID.randomUUID() + "@example.org";
        String now = String.valueOf(Instant.now().getEpochSecond());
        given().contentType("application/json").body(event(rcpt, now, UUID.randomUUID().toString(), "00".repeat(32)))
                .post("/api/v1/webhooks/mailgun").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/webhook-signature-invalid"));
        String old = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
        given().contentType("application/json").body(event(rcpt, old, UUID.randomUUID().toString(), null))
                .post("/api/v1/webhooks/mailgun").then().statusCode(403)
                .body("type", equalTo("https://smtpd4c.dev/problems/webhook-stale"));
        assertThat(Stored.inbound(em, rcpt)).isZero();

        // A token already accepted, signed again over another event: the second request is a replay.
        String token = UUID.randomUUID().toString();
        given().contentType("application/json").body(event("mg-first-" + UUID.randomUUID() + "@example.org", now, token, null)).post("/api/v1/webhooks/mailgun")
                .then().statusCode(200);
        given().contentType("application/json").body(event(rcpt, now, token, null)).post("/api/v1/webhooks/mailgun")
                .then().statusCode(403).body("type", equalTo("https://smtpd4c.dev/problems/webhook-stale"));
        assertThat(Stored.inbound(em, rcpt)).isZero();
    }

    /** A signed "failed" event; {@code signature} overrides the correct one when given. */
    private static String event(String rcpt, String timestamp, String token, String signature) throws Exception {
        String sig = signature != null ? signature : hmac(timestamp + token);
        return """
                {"signature":{"timestamp":"%s","token":"%s","signature":"%s"},
                 "event-data":{"id":"%s","event":"failed","severity":"permanent","reason":"bounce","recipient":"%s",
                  "timestamp":1764324000.0,"user-variables":{"smtpd4c-stream":"marketing"},
                  "delivery-status":{"code":550,"message":"5.1.1 The email account that you tried to reach does not exist",
                   "description":"","mx-host":"mx.example.org"},
                  "message":{"headers":{"from":"News <news@sender.example>","message-id":"m1@sender.example","to":"%s"}}}}"""
                .formatted(timestamp, token, sig, UUID.randomUUID(), rcpt, rcpt);
    }

    private static String hmac(String data) throws Exception {
        String key = ConfigProvider.getConfig().getValue("smtpd4c.webhooks.mailgun.signing-key", String.class);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
