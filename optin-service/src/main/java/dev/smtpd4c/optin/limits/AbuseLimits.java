package dev.smtpd4c.optin.limits;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.consent.ClientInfo;
import dev.smtpd4c.optin.subscription.EmailAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-IP, per-address and per-domain limits on sign-up and resend, per-IP on address checks (each
 * one asks DNS) (smtpd4c.limits.*), and the honeypot. All of it off with {@code smtpd4c.limits.enabled=false}.
 */
@ApplicationScoped
public class AbuseLimits {

    public enum Action { SIGN_UP, RESEND, ADDRESS_CHECK }

    private final OptinConfig.Limits config;
    private final RateLimiter limiter;
    private final MeterRegistry registry;
    private final Clock clock;

    public AbuseLimits(OptinConfig config, RateLimiter limiter, MeterRegistry registry, Clock clock) {
        this.config = config.limits();
        this.limiter = limiter;
        this.registry = registry;
        this.clock = clock;
    }

    /** Counts the request, or throws {@link RateLimitedException} when one of its buckets is full. */
    public void check(Action action, ClientInfo client, EmailAddress address) {
        if (!config.enabled()) {
            return;
        }
        OptinConfig.Limits.Rule rule = rule(action);
        String prefix = action.name().toLowerCase(Locale.ROOT) + "|";
        List<RateLimiter.Bucket> buckets = new ArrayList<>(3);
        if (client.ip() != null) {
            buckets.add(new RateLimiter.Bucket(prefix + "ip|" + client.ip(), rule.perIp(), rule.window()));
        }
        buckets.add(new RateLimiter.Bucket(prefix + "address|" + address, rule.perAddress(), rule.window()));
        buckets.add(new RateLimiter.Bucket(prefix + "domain|" + address.domain(), rule.perDomain(), rule.window()));
        Optional<Duration> wait = limiter.acquire(buckets);
        if (wait.isPresent()) {
            registry.counter("smtpd4c.rate.limited", "action", action.name().toLowerCase(Locale.ROOT)).increment();
            throw new RateLimitedException(wait.get());
        }
    }

    /** Counts a request that has no address to limit on (an address check), per client IP. */
    public void check(Action action, ClientInfo client) {
        if (!config.enabled() || client.ip() == null) {
            return;
        }
        OptinConfig.Limits.Rule rule = rule(action);
        Optional<Duration> wait = limiter.acquire(List.of(new RateLimiter.Bucket(
                action.name().toLowerCase(Locale.ROOT) + "|ip|" + client.ip(), rule.perIp(), rule.window())));
        if (wait.isPresent()) {
            registry.counter("smtpd4c.rate.limited", "action", action.name().toLowerCase(Locale.ROOT)).increment();
            throw new RateLimitedException(wait.get());
        }
    }

    /** True when the request filled in the honeypot field that people never see: answer as usual, do nothing. */
    public boolean isBot(String honeypotValue, Action action) {
        if (!config.enabled() || !config.honeypot() || honeypotValue == null || honeypotValue.isEmpty()) {
            return false;
        }
        registry.counter("smtpd4c.honeypot.caught", "action", action.name().toLowerCase(Locale.ROOT)).increment();
        return true;
    }

    public int resendCap() {
        return config.resendCap();
    }

    private OptinConfig.Limits.Rule rule(Action action) {
        return switch (action) {
            case SIGN_UP -> config.signUp();
            case RESEND -> config.resend();
            case ADDRESS_CHECK -> config.addressCheck();
        };
    }

    @Scheduled(every = "1m", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldHits() {
        Duration longest = List.of(config.signUp().window(), config.resend().window(), config.addressCheck().window())
                .stream().max(Duration::compareTo).orElseThrow();
        limiter.forgetBefore(clock.instant().minus(longest));
    }
}
