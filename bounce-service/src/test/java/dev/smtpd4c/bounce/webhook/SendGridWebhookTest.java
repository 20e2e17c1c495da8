package dev.smtpd4c.bounce.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** SendGrid's signed event webhook with an EC P-256 key pair made for this run. */
@QuarkusTest
@WithTestResource(value = WebhookKeys.class, scope = TestResourceScope.GLOBAL)
class SendGridWebhookTest {

    @Inject
    EntityManager em;

    @Test
    void signedEventsAreRecordedOnceAndSpamReportsSuppress() throws Exception {
        String rcpt = "sg-" + UUID.randomUUID() + "@example.org";
        String body = events(rcpt);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        for (int i = 0; i < 2; i++) { // SendGrid retries: the second delivery changes nothing
            given().header(SendGridVerifier.SIGNATURE, sign(ts, body)).header(SendGridVerifier.TIMESTAMP, ts)
                    .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/webhooks/sendgrid")
                    .then().statusCode(200).body("results", hasSize(2))
                    .body("results[0].duplicate", equalTo(i == 1)).body("results[0].results[0].reason", equalTo("userunknown"))
                    .body("results[1].results[0].kind", equalTo("complaint"));
        }
        assertThat(Stored.bounces(em, rcpt)).isEqualTo(1);
        assertThat(Stored.bounces(em, "c-" + rcpt)).isEqualTo(1);
        assertThat(Stored.suppressions(em, "c-" + rcpt)).isEqualTo(1);
    }

    @Test
    void forgedUnsignedAndStaleRequestsAreRefusedAndStoreNothing() throws Exception {
        String rcpt = "sg-forged-" + UUID.randomUUID() + "@example.org";
        String body = events(rcpt);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String forgedBody = body.replace(rcpt, "x" + rcpt);
        given().header(SendGridVerifier.SIGNATURE, sign(ts, body)).header(SendGridVerifier.TIMESTAMP, ts)
                .contentType("application/json").body(forgedBody).post("/api/v1/webhooks/sendgrid")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/webhook-signature-invalid"));
        given().contentType("application/json").body(body).post("/api/v1/webhooks/sendgrid").then().statusCode(401);
        String old = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
        given().header(SendGridVerifier.SIGNATURE, sign(old, body)).header(SendGridVerifier.TIMESTAMP, old)
                .contentType("application/json").body(body).post("/api/v1/webhooks/sendgrid")
                .then().statusCode(403).body("type", equalTo("https://smtpd4c.dev/problems/webhook-stale"));
        assertThat(Stored.inbound(em, rcpt)).isZero();
    }

    private static String events(String rcpt) {
        return """
                [{"email":"%s","timestamp":1764324000,"event":"bounce","type":"bounce","status":"5.1.1",
                  "reason":"550 5.1.1 The email account that you tried to reach does not exist",
                  "bounce_classification":"Invalid Address","sg_event_id":"%s","sg_message_id":"m1.filter"},
                 {"email":"c-%s","timestamp":1764324000,"event":"spamreport","sg_event_id":"%s"},
                 {"email":"%s","timestamp":1764324000,"event":"open","sg_event_id":"%s"}]"""
                .formatted(rcpt, UUID.randomUUID(), rcpt, UUID.randomUUID(), rcpt, UUID.randomUUID());
    }

    private static String sign(String timestamp, String body) throws Exception {
        String key = ConfigProvider.getConfig().getValue("smtpd4c-test.sendgrid-private-key", String.class);
        PrivateKey pk = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(pk);
        s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
