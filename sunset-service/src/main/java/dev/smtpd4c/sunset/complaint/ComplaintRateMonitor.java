package dev.smtpd4c.sunset.complaint;

import dev.smtpd4c.sunset.config.SunsetConfig;
import dev.smtpd4c.sunset.events.CloudEvent;
import dev.smtpd4c.sunset.events.ComplaintRateChanged;
import dev.smtpd4c.sunset.events.EventTypes;
import dev.smtpd4c.sunset.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Judges the complaint rate of every sending domain and stream over the last 24 hours and 7 days,
 * in one transaction: the new levels, an event on complaint-rate-events.v1 for each level that
 * changed, and — on crossing into CRITICAL over 24 h, when enabled — a pause of the stream for that
 * domain, which may-send honours until an operator resumes it. Gauges smtpd4c_complaint_rate{domain,stream,window}
 * and smtpd4c_marketing_paused{domain,stream} show the last judgement.
 */
@ApplicationScoped
public class ComplaintRateMonitor {

    private static final Logger LOG = Logger.getLogger(ComplaintRateMonitor.class);

    /** One judged window, as GET /api/v1/complaint-rates shows it. */
    public record Rate(String sendingDomain, String stream, String window, long sends, long complaints, double rate,
            ComplaintLevel level, boolean marketingPaused, String pauseReason) {}

    private final ComplaintRateBuckets buckets;
    private final ComplaintRateStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final SunsetConfig.ComplaintRate config;
    private final List<String> exemptStreams;
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    public ComplaintRateMonitor(ComplaintRateBuckets buckets, ComplaintRateStore store, Outbox outbox, Clock clock,
            SunsetConfig config, MeterRegistry registry) {
        this.buckets = buckets;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config.complaintRate();
        this.exemptStreams = config.policy().exemptStreams();
        this.registry = registry;
    }

    @Scheduled(every = "${smtpd4c.complaint-rate.every:5m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        evaluate();
    }

    /** Judges every window now; returns what it judged. */
    public List<Rate> evaluate() {
        return QuarkusTransaction.requiringNew().call(() -> {
            store.lock(); // replicas judge one at a time, so a level change is announced once
            Instant now = clock.instant();
            List<Rate> out = new ArrayList<>();
            for (ComplaintRateBuckets.Totals t : buckets.totals(now)) {
                out.add(judge(t.sendingDomain(), t.stream(), RateWindow.DAY, t.daySends(), t.dayComplaints(), now));
                out.add(judge(t.sendingDomain(), t.stream(), RateWindow.WEEK, t.weekSends(), t.weekComplaints(), now));
            }
            buckets.prune(now);
            return out;
        });
    }

    private Rate judge(String domain, String stream, RateWindow window, long sends, long complaints, Instant now) {
        double rate = sends == 0 ? 0 : (double) complaints / sends;
        ComplaintLevel level = ComplaintLevel.of(sends, complaints, config.minimumSends(), config.warningThreshold(),
                config.criticalThreshold());
        ComplaintLevel before = store.save(domain, stream, window.label, level, rate, sends, complaints, now)
                .orElse(ComplaintLevel.INSUFFICIENT_VOLUME);
        Optional<String> pause = store.pause(domain, stream);
        boolean pausedNow = false;
        // Only a crossing into CRITICAL pauses: an operator who resumed a stream still at CRITICAL is not overruled.
        if (window == RateWindow.DAY && level == ComplaintLevel.CRITICAL && before != ComplaintLevel.CRITICAL
                && config.pauseAtCritical() && pause.isEmpty() && !exemptStreams.contains(stream)) {
            String reason = "complaint rate %.3f%% over 24h (%d of %d sends) at or above %.3f%%"
                    .formatted(rate * 100, complaints, sends, config.criticalThreshold() * 100);
            store.pauseMarketing(domain, stream, reason, now);
            pause = Optional.of(reason);
            pausedNow = true;
            LOG.warnf("marketing paused for %s stream %s: %s", domain, stream, reason);
        }
        if (level != before || pausedNow) {
            announce(new ComplaintRateChanged(domain, stream, window.label, before.name(), level.name(), rate, clamp(sends), clamp(complaints),
                    config.warningThreshold(), config.criticalThreshold(), pause.isPresent(), now));
        }
        gauge("smtpd4c.complaint.rate", domain, stream, window.label).set(rate);
        gauge("smtpd4c.marketing.paused", domain, stream, null).set(pause.isPresent() ? 1.0 : 0.0);
        return new Rate(domain, stream, window.label, sends, complaints, rate, level, pause.isPresent(), pause.orElse(null));
    }

    /** Lifts a pause (an operator's decision, announced and logged); false when there was none. */
    public boolean resume(String domain, String stream, String actor, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!store.resume(domain, stream)) {
                return false;
            }
            Instant now = clock.instant();
            LOG.warnf("marketing resumed for %s stream %s by %s: %s", domain, stream, actor, reason);
            store.state(domain, stream, RateWindow.DAY.label).ifPresent(s -> announce(new ComplaintRateChanged(domain, stream,
                    RateWindow.DAY.label, s.level().name(), s.level().name(), s.rate(), clamp(s.sends()), clamp(s.complaints()),
                    config.warningThreshold(), config.criticalThreshold(), false, now)));
            gauge("smtpd4c.marketing.paused", domain, stream, null).set(0.0);
            return true;
        });
    }

    /** The last judgement of every window, with pauses. */
    public List<Rate> current() {
        return QuarkusTransaction.requiringNew().call(store::all);
    }

    /** The pause reason when marketing of {@code stream} from {@code domain} is paused. */
    public Optional<String> pauseOf(String domain, String stream) {
        return store.pause(domain, stream);
    }

    private static int clamp(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private void announce(ComplaintRateChanged c) {
        UUID id = UUID.nameUUIDFromBytes(String.join("\n", c.sendingDomain(), c.stream(), c.window(), c.toLevel(),
                String.valueOf(c.marketingPaused()), c.evaluatedAt().toString()).getBytes(StandardCharsets.UTF_8));
        outbox.append(EventTypes.COMPLAINT_RATE_EVENTS_TOPIC, new CloudEvent<>("1.0", id, CloudEvent.SOURCE,
                EventTypes.COMPLAINT_RATE_CHANGED, c.evaluatedAt(), "application/json", c.sendingDomain(), c));
    }

    private AtomicReference<Double> gauge(String name, String domain, String stream, String window) {
        return gauges.computeIfAbsent(name + "\n" + domain + "\n" + stream + "\n" + window, k -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.Builder<AtomicReference<Double>> b = Gauge.builder(name, value, AtomicReference::get)
                    .tag("domain", domain).tag("stream", stream);
            (window == null ? b : b.tag("window", window)).register(registry);
            return value;
        });
    }
}
