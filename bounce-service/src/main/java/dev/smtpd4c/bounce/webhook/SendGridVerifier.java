package dev.smtpd4c.bounce.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * SendGrid's signed event webhook: ECDSA P-256 with SHA-256 over the timestamp header followed by
 * the raw body, checked with the webhook's verification key; a timestamp outside the replay
 * window is refused, so a captured request cannot be played again later.
 */
final class SendGridVerifier {

    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    private static final String SENDGRID = "SendGrid";

    private final Optional<PublicKey> key;
    private final Duration window;
    private final Clock clock;

    SendGridVerifier(Optional<String> base64Key, Duration window, Clock clock) {
        this.key = base64Key.map(SendGridVerifier::publicKey);
        this.window = window;
        this.clock = clock;
    }

    void verify(byte[] body, String signature, String timestamp) {
        PublicKey k = key.orElseThrow(() -> WebhookRejected.notConfigured(SENDGRID, "smtpd4c.webhooks.sendgrid.public-key"));
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw WebhookRejected.unsigned(SENDGRID, "the " + SIGNATURE + " or " + TIMESTAMP + " header is missing");
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            throw WebhookRejected.forged(SENDGRID, TIMESTAMP + " is not a Unix time");
        }
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(k);
            s.update(timestamp.strip().getBytes(StandardCharsets.UTF_8));
            s.update(body);
            if (!s.verify(Base64.getDecoder().decode(signature.strip()))) {
                throw WebhookRejected.forged(SENDGRID, "the signature does not verify with the configured key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw WebhookRejected.forged(SENDGRID, "the signature cannot be checked: " + e.getMessage());
        }
        // After the signature, so the timestamp judged is one SendGrid vouched for.
        if (Duration.between(sent, clock.instant()).abs().compareTo(window) > 0) {
            throw WebhookRejected.stale(SENDGRID, "the request was signed at " + sent + ", outside the replay window of " + window);
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("smtpd4c.webhooks.sendgrid.public-key is not a base64 EC public key: " + e.getMessage(), e);
        }
    }
}
