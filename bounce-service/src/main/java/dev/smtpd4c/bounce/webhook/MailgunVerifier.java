package dev.smtpd4c.bounce.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mailgun webhooks: HMAC-SHA256 of timestamp + token with the webhook signing key, hex, in the
 * body's "signature" object; the timestamp must be within the replay window. That a token is not
 * used twice is checked by the caller in the storing transaction ({@code WebhookTokens}).
 */
final class MailgunVerifier {

    private static final String MAILGUN = "Mailgun";

    private final Optional<SecretKeySpec> key;
    private final Duration window;
    private final Clock clock;

    MailgunVerifier(Optional<String> signingKey, Duration window, Clock clock) {
        this.key = signingKey.map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        this.window = window;
        this.clock = clock;
    }

    void verify(String timestamp, String token, String signature) {
        SecretKeySpec k = key.orElseThrow(() -> WebhookRejected.notConfigured(MAILGUN, "smtpd4c.webhooks.mailgun.signing-key"));
        if (timestamp.isEmpty() || token.isEmpty() || signature.isEmpty()) {
            throw WebhookRejected.unsigned(MAILGUN, "the signature object lacks timestamp, token or signature");
        }
        byte[] want;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            want = mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebhookRejected.forged(MAILGUN, "the signature is not hex");
        }
        if (!MessageDigest.isEqual(want, given)) {
            throw WebhookRejected.forged(MAILGUN, "the signature does not match the signing key");
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw WebhookRejected.forged(MAILGUN, "the timestamp is not a Unix time");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(window) > 0) {
            throw WebhookRejected.stale(MAILGUN, "the request was signed at " + sent + ", outside the replay window of " + window);
        }
    }
}
