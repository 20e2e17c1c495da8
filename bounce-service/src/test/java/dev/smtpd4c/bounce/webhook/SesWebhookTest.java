package dev.smtpd4c.bounce.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Amazon SES via SNS: signatures (versions 1 and 2) with a certificate made for the test, and the handshake. */
@QuarkusTest
@WithTestResource(value = WebhookKeys.class, scope = TestResourceScope.GLOBAL)
class SesWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-bounces";

    @Inject
    EntityManager em;

    @Inject
    FakeSnsHttp sns;

    @Test
    void signedBounceNotificationIsRecordedAndSuppressesAndTheCertificateIsFetchedOnce() throws Exception {
        String rcpt = "ses-" + UUID.randomUUID() + "@example.org";
        for (String version : new String[] {"1", "2"}) {
            String who = version + rcpt;
            given().body(notification(who, version, CERT_URL)).post("/api/v1/webhooks/ses")
                    .then().statusCode(200).body("status", equalTo("accepted"))
                    .body("results[0].results[0].reason", equalTo("userunknown"))
                    .body("results[0].results[0].suppressedIn", equalTo("global"));
            assertThat(Stored.bounces(em, who)).isEqualTo(1);
            assertThat(Stored.suppressions(em, who)).isEqualTo(1);
        }
        assertThat(sns.certificateFetches().stream().filter(u -> u.toString().equals(CERT_URL))).hasSize(1);
    }

    @Test
    void transientBouncesSuppressOnlyOnceTheyReachTheThreshold() throws Exception {
        String rcpt = "ses-soft-" + UUID.randomUUID() + "@example.org";
        for (int i = 1; i <= 3; i++) { // smtpd4c.suppression.soft.threshold=3 within 7 days
            given().body(notification(rcpt, "2", CERT_URL, "Transient", "4.4.7").toString()).post("/api/v1/webhooks/ses")
                    .then().statusCode(200).body("results[0].results[0].hardBounce", equalTo(false))
                    .body("results[0].results[0].suppressedIn", equalTo(i < 3 ? null : "global"));
        }
        assertThat(Stored.bounces(em, rcpt)).isEqualTo(3);
        assertThat(Stored.suppressions(em, rcpt)).isEqualTo(1);
    }

    @Test
    void forgedUnsignedOrForeignCertificateNotificationsAreRefusedAndStoreNothing() throws Exception {
        String rcpt = "ses-forged-" + UUID.randomUUID() + "@example.org";
        ObjectNode tampered = notification(rcpt, "2", CERT_URL);
        tampered.put("Message", tampered.get("Message").asText().replace(rcpt, "other-" + rcpt));
        given().body(tampered.toString()).post("/api/v1/webhooks/ses").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://smtpd4c.dev/problems/webhook-signature-invalid"));

        ObjectNode unsigned = notification(rcpt, "2", CERT_URL);
        unsigned.remove("Signature");
        given().body(unsigned.toString()).post("/api/v1/webhooks/ses").then().statusCode(401);

        // Signed, but with a certificate URL that is not Amazon's: never fetched, refused.
        given().body(notification(rcpt, "2", "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem").toString())
                .post("/api/v1/webhooks/ses").then().statusCode(403);
        given().body(notification(rcpt, "2", "http://sns.us-east-1.amazonaws.com/cert.pem").toString())
                .post("/api/v1/webhooks/ses").then().statusCode(403);

        assertThat(Stored.inbound(em, rcpt)).isZero();
        assertThat(sns.certificateFetches()).allMatch(u -> u.toString().equals(CERT_URL));
    }

    @Test
    void subscriptionIsConfirmedOnlyForAnSnsSubscribeUrl() throws Exception {
        String token = UUID.randomUUID().toString();
        URI good = URI.create("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=" + token);
        given().body(confirmation(good.toString(), token)).post("/api/v1/webhooks/ses")
                .then().statusCode(200).body("status", equalTo("subscription-confirmed"));
        assertThat(sns.confirmations()).contains(good);

        String evil = "https://attacker.example/?Token=" + token;
        given().body(confirmation(evil, token)).post("/api/v1/webhooks/ses").then().statusCode(403);
        assertThat(sns.confirmations()).noneMatch(u -> u.toString().equals(evil));
    }

    private static String confirmation(String subscribeUrl, String token) throws Exception {
        ObjectNode m = JSON.createObjectNode();
        m.put("Type", "SubscriptionConfirmation").put("MessageId", UUID.randomUUID().toString()).put("Token", token)
                .put("TopicArn", TOPIC).put("Message", "You have chosen to subscribe to the topic " + TOPIC)
                .put("SubscribeURL", subscribeUrl).put("Timestamp", "2026-11-28T10:00:00.000Z")
                .put("SignatureVersion", "2").put("SigningCertURL", CERT_URL);
        // The string to sign as AWS documents it for confirmations, written out independently of the service's code.
        m.put("Signature", sign("Message\n" + m.get("Message").asText() + "\nMessageId\n" + m.get("MessageId").asText()
                + "\nSubscribeURL\n" + subscribeUrl + "\nTimestamp\n2026-11-28T10:00:00.000Z\nToken\n" + token
                + "\nTopicArn\n" + TOPIC + "\nType\nSubscriptionConfirmation\n", "2"));
        return m.toString();
    }

    private static ObjectNode notification(String rcpt, String version, String certUrl) throws Exception {
        return notification(rcpt, version, certUrl, "Permanent", "5.1.1");
    }

    private static ObjectNode notification(String rcpt, String version, String certUrl, String bounceType, String status)
            throws Exception {
        String message = """
                {"notificationType":"Bounce","bounce":{"bounceType":"%s","bounceSubType":"General",
                 "bouncedRecipients":[{"emailAddress":"%s","action":"failed","status":"%s",
                   "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
                 "timestamp":"2026-11-28T10:00:00.000Z","feedbackId":"%s","reportingMTA":"dsn; a8-70.smtp-out.amazonses.com"},
                 "mail":{"timestamp":"2026-11-28T09:59:59.000Z","source":"news@sender.example","messageId":"%s",
                   "headers":[{"name":"X-SMTPD4C-Stream","value":"marketing"}],
                   "commonHeaders":{"from":["News <news@sender.example>"],"messageId":"<m1@sender.example>"}}}"""
                .formatted(bounceType, rcpt, status, UUID.randomUUID(), UUID.randomUUID());
        String id = UUID.randomUUID().toString();
        ObjectNode m = JSON.createObjectNode();
        m.put("Type", "Notification").put("MessageId", id).put("TopicArn", TOPIC).put("Subject", "Amazon SES Email Event Notification")
                .put("Message", message).put("Timestamp", "2026-11-28T10:00:00.000Z").put("SignatureVersion", version)
                .put("SigningCertURL", certUrl).put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        // The string to sign as AWS documents it for notifications.
        m.put("Signature", sign("Message\n" + message + "\nMessageId\n" + id + "\nSubject\nAmazon SES Email Event Notification"
                + "\nTimestamp\n2026-11-28T10:00:00.000Z\nTopicArn\n" + TOPIC + "\nType\nNotification\n", version));
        return m;
    }

    private static String sign(String canonical, String version) throws Exception {
        Signature s = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
        s.initSign(FakeSnsHttp.KEY);
        s.update(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
