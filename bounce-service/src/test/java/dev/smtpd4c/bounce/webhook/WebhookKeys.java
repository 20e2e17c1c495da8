package dev.smtpd4c.bounce.webhook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh webhook secrets for each test run: an EC P-256 key pair for SendGrid, a Mailgun signing
 * key and Postmark credentials. The service gets the public halves through its configuration; the
 * tests read the private halves from the same configuration (smtpd4c-test.*) to sign requests.
 */
public class WebhookKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair ec = g.generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            return Map.of(
                    "smtpd4c.webhooks.sendgrid.public-key", b64.encodeToString(ec.getPublic().getEncoded()),
                    "smtpd4c-test.sendgrid-private-key", b64.encodeToString(ec.getPrivate().getEncoded()),
                    "smtpd4c.webhooks.mailgun.signing-key", "key-" + UUID.randomUUID(),
                    "smtpd4c.webhooks.postmark.username", "postmark",
                    "smtpd4c.webhooks.postmark.password", UUID.randomUUID().toString(),
                    // The tests call from loopback; anything else is refused.
                    "smtpd4c.webhooks.postmark.allowed-ips", "127.0.0.0/8,::1");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {}
}
