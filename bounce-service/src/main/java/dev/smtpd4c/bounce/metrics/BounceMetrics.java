package dev.smtpd4c.bounce.metrics;

import dev.smtpd4c.bounce.config.BounceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The counters behind the hard-bounce-rate SLI and the complaint rate:
 * {@code rate(smtpd4c_bounces_total{type="hard"}) / rate(smtpd4c_messages_sent_total)} per domain.
 * Every label is bounded: domains and streams by {@link BoundedLabel}, reasons and types by their closed sets.
 */
@ApplicationScoped
public class BounceMetrics {

    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** RFC 5965, 6430 and 6591 feedback types, and the old opt-out ones; reports can say anything else. */
    private static final Set<String> FEEDBACK_TYPES = Set.of("abuse", "fraud", "virus", "other", "not-spam",
            "auth-failure", "opt-out", "opt-out-list");

    private final MeterRegistry registry;
    private final BoundedLabel domains;
    private final BoundedLabel streams;

    public BounceMetrics(MeterRegistry registry, BounceConfig config) {
        this.registry = registry;
        this.domains = new BoundedLabel(Set.copyOf(config.metrics().domains().orElse(List.of())), config.metrics().maxDomains());
        this.streams = new BoundedLabel(Set.of(), config.metrics().maxStreams());
    }

    /**
     * type: hard, soft, delayed, delivered, autoreply. The stream label matches messages_sent's, because
     * the hard-bounce SLI is per sending domain and stream.
     */
    public void bounce(String type, String reason, String domain, String stream) {
        registry.counter("smtpd4c.bounces", "type", type, "reason", token(reason), "domain", domains.of(domain),
                "stream", streams.of(stream)).increment();
    }

    public void complaint(String feedbackType, String domain) {
        String type = feedbackType == null ? "" : feedbackType.strip().toLowerCase(Locale.ROOT);
        registry.counter("smtpd4c.complaints", "feedback_type", FEEDBACK_TYPES.contains(type) ? type : BoundedLabel.OTHER,
                "domain", domains.of(domain)).increment();
    }

    /** reason: hard-bounce, soft-bounce, complaint, manual. */
    public void suppression(String reason) {
        registry.counter("smtpd4c.suppressions", "reason", reason).increment();
    }

    public void sent(String domain, String stream, long count) {
        registry.counter("smtpd4c.messages.sent", "domain", domains.of(domain), "stream", streams.of(stream)).increment(count);
    }

    /** Reasons are the parser's and the webhooks' closed names; anything else that slips in is "other". */
    private static String token(String raw) {
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return BoundedLabel.NONE;
        }
        return TOKEN.matcher(v).matches() ? v : BoundedLabel.OTHER;
    }
}
