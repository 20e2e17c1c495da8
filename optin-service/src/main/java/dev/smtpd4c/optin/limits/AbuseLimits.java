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
 * Per-IP, per-address and per-domain limits on sign-up and resend (smtpd4c.limits.*), and the
 * honeypot. All of it off with {@code smtpd4c.limits.enabled=false}.
 */
@ApplicationScoped
public class AbuseLimits {

    public enum Action { SIGN_UP, RESEND }

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
        return action == Action.SIGN_UP ? config.signUp() : config.resend();
    }

    @Scheduled(every = "1m", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldHits() {
        Duration longest = config.signUp().window().compareTo(config.resend().window()) > 0
                ? config.signUp().window() : config.resend().window();
        limiter.forgetBefore(clock.instant().minus(longest));
    }
}
