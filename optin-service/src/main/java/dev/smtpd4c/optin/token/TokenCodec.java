package dev.smtpd4c.optin.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens {@code kid.payload.mac}: payload = base64url("purpose|subscription id|expiry epoch
 * seconds"), mac = base64url(HMAC-SHA256(key[kid], "kid.payload")). The key id lets old links keep
 * working while a new key signs: keep the old kid in the map until its tokens have expired.
 * Plain Java so it can be tested without the service.
 */
public final class TokenCodec {

    /** Shorter secrets would make HMAC-SHA256 weaker than its 256-bit output suggests. */
    static final int MIN_SECRET_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final Map<String, byte[]> keys;
    private final String activeKid;

    public TokenCodec(Map<String, String> secrets, String activeKid) {
        if (!secrets.containsKey(activeKid)) {
            throw new IllegalArgumentException("smtpd4c.tokens.active-kid '" + activeKid
                    + "' is not among smtpd4c.tokens.keys " + secrets.keySet());
        }
        secrets.forEach((kid, secret) -> {
            if (kid.contains(".") || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("token key '" + kid + "' needs at least " + MIN_SECRET_BYTES
                        + " bytes of secret and a kid without '.'");
            }
        });
        this.keys = Map.copyOf(secrets.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))));
        this.activeKid = activeKid;
    }

    public String sign(UUID subscriptionId, TokenPurpose purpose, Instant expiry) {
        String payload = B64.encodeToString((purpose.name() + "|" + subscriptionId + "|" + expiry.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        String signed = activeKid + "." + payload;
        return signed + "." + B64.encodeToString(mac(keys.get(activeKid), signed));
    }

    public TokenCheck check(String token, TokenPurpose expected, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return TokenCheck.failed(TokenCheck.Outcome.MALFORMED);
        }
        byte[] key = keys.get(parts[0]);
        if (key == null) {
            return TokenCheck.failed(TokenCheck.Outcome.UNKNOWN_KEY);
        }
        byte[] given;
        String[] fields;
        try {
            given = B64D.decode(parts[2]);
            fields = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return TokenCheck.failed(TokenCheck.Outcome.MALFORMED);
        }
        // Constant-time, so response timing does not reveal how much of a guessed MAC was right.
        if (!MessageDigest.isEqual(given, mac(key, parts[0] + "." + parts[1]))) {
            return TokenCheck.failed(TokenCheck.Outcome.BAD_SIGNATURE);
        }
        // From here on the payload is ours, so a parse failure is a bug rather than an attack.
        if (fields.length != 3) {
            return TokenCheck.failed(TokenCheck.Outcome.MALFORMED);
        }
        if (!expected.name().equals(fields[0])) {
            return TokenCheck.failed(TokenCheck.Outcome.WRONG_PURPOSE);
        }
        if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(fields[2])))) {
            return TokenCheck.failed(TokenCheck.Outcome.EXPIRED);
        }
        return new TokenCheck(TokenCheck.Outcome.VALID, UUID.fromString(fields[1]));
    }

    /**
     * base64url SHA-256: what the used-token table stores instead of a token, and the erasure
     * tombstone instead of an address. One definition, because other services must compute the same hash.
     */
    public static String sha256(String text) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
