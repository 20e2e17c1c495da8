package dev.smtpd4c.optin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpd4c.optin.token.TokenCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    private static final String K1 = "k1-secret-k1-secret-k1-secret-k1-secret";
    private static final String K2 = "k2-secret-k2-secret-k2-secret-k2-secret";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final UUID ID = UUID.fromString("0f8e9d2c-1b3a-4c5d-8e7f-6a5b4c3d2e1f");

    private final TokenCodec codec = new TokenCodec(Map.of("k1", K1), "k1");
    private final String token = codec.sign(ID, TokenPurpose.CONFIRM, NOW.plusSeconds(3600));

    @Test
    void aGenuineTokenIsValidUntilItsExpiry() {
        assertThat(codec.check(token, TokenPurpose.CONFIRM, NOW)).isEqualTo(new TokenCheck(Outcome.VALID, ID));
        assertThat(codec.check(token, TokenPurpose.CONFIRM, NOW.plusSeconds(3599)).valid()).isTrue();
        assertThat(codec.check(token, TokenPurpose.CONFIRM, NOW.plusSeconds(3600)).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void aChangedMacIsRejected() {
        String[] p = token.split("\\.");
        char last = p[2].charAt(0);
        String forged = p[0] + "." + p[1] + "." + (last == 'A' ? 'B' : 'A') + p[2].substring(1);
        assertThat(codec.check(forged, TokenPurpose.CONFIRM, NOW).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void anotherSubscriptionIdWithTheOldMacIsRejected() {
        String[] p = token.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("CONFIRM|" + UUID.randomUUID() + "|" + NOW.plusSeconds(3600).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        assertThat(codec.check(p[0] + "." + payload + "." + p[2], TokenPurpose.CONFIRM, NOW).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void aTokenSignedWithAnUnknownOrOtherKeyIsRejected() {
        String[] p = token.split("\\.");
        assertThat(codec.check("k9." + p[1] + "." + p[2], TokenPurpose.CONFIRM, NOW).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
        // Same kid name, different secret: someone who guessed the format but not the key.
        String foreign = new TokenCodec(Map.of("k1", K2), "k1").sign(ID, TokenPurpose.CONFIRM, NOW.plusSeconds(60));
        assertThat(codec.check(foreign, TokenPurpose.CONFIRM, NOW).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void rotationKeepsOldLinksWorkingWhileTheNewKeySigns() {
        TokenCodec rotated = new TokenCodec(Map.of("k1", K1, "k2", K2), "k2");
        String fresh = rotated.sign(ID, TokenPurpose.CONFIRM, NOW.plusSeconds(60));
        assertThat(fresh).startsWith("k2.");
        assertThat(rotated.check(token, TokenPurpose.CONFIRM, NOW).valid()).isTrue();
        assertThat(rotated.check(fresh, TokenPurpose.CONFIRM, NOW).valid()).isTrue();
        assertThat(codec.check(fresh, TokenPurpose.CONFIRM, NOW).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
    }

    @Test
    void aConfirmTokenDoesNotUnsubscribe() {
        assertThat(codec.check(token, TokenPurpose.UNSUBSCRIBE, NOW).outcome()).isEqualTo(Outcome.WRONG_PURPOSE);
    }

    @Test
    void junkIsMalformed() {
        for (String junk : new String[] {null, "", "a.b", "k1.%%%.abc", "k1..", "k1.a.b.c"}) {
            assertThat(codec.check(junk, TokenPurpose.CONFIRM, NOW).outcome()).as(junk).isIn(Outcome.MALFORMED, Outcome.BAD_SIGNATURE);
        }
        assertThat(codec.check("k1.a.b.c", TokenPurpose.CONFIRM, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void weakOrMissingKeysAreRefusedAtStart() {
        assertThatThrownBy(() -> new TokenCodec(Map.of("k1", "short"), "k1")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new TokenCodec(Map.of("k1", K1), "k2")).hasMessageContaining("active-kid");
    }

    @Test
    void theHashIsStableAndDoesNotContainTheToken() {
        assertThat(TokenCodec.sha256(token)).isEqualTo(TokenCodec.sha256(token)).doesNotContain(token.split("\\.")[2]);
    }
}
