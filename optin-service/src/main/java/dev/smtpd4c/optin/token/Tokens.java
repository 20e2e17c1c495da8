package dev.smtpd4c.optin.token;

import dev.smtpd4c.optin.config.OptinConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** The service's tokens: the codec with the configured keys, lifetimes per purpose and the clock. */
@ApplicationScoped
public class Tokens {

    private final TokenCodec codec;
    private final OptinConfig.Tokens config;
    private final Clock clock;

    public Tokens(OptinConfig config, Clock clock) {
        this.codec = new TokenCodec(config.tokens().keys(), config.tokens().activeKid());
        this.config = config.tokens();
        this.clock = clock;
    }

    public String issue(UUID subscriptionId, TokenPurpose purpose) {
        var ttl = purpose == TokenPurpose.CONFIRM ? config.confirmTtl() : config.unsubscribeTtl();
        return codec.sign(subscriptionId, purpose, clock.instant().plus(ttl));
    }

    public TokenCheck check(String token, TokenPurpose purpose) {
        return codec.check(token, purpose, clock.instant());
    }
}
