package dev.smtpd4c.auth.sender;

import dev.smtpd4c.auth.config.AuthConfig;
import dev.smtpd4c.auth.events.CloudEvent;
import dev.smtpd4c.auth.events.DomainAuthSenderDrifted;
import dev.smtpd4c.auth.events.EventTypes;
import dev.smtpd4c.auth.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Compares the senders seen within the quiet period with the registrations and announces each
 * unregistered From domain or IP of a stream when it starts (sender-drifted.v1 through the
 * outbox, in the transaction that records the announcement). Every replica counts them for the
 * gauge; one at a time announces (advisory lock).
 */
@ApplicationScoped
@Startup // the gauge exists from start-up, not from the first run
public class SenderDriftService {

    private static final Logger LOG = Logger.getLogger(SenderDriftService.class);

    private final SenderObservationRepository repository;
    private final Outbox outbox;
    private final Duration quiet;
    private final AtomicLong unexpected = new AtomicLong();

    public SenderDriftService(SenderObservationRepository repository, Outbox outbox, AuthConfig config,
            MeterRegistry meters) {
        this.repository = repository;
        this.outbox = outbox;
        this.quiet = config.senders().quietPeriod();
        Gauge.builder("smtpd4c_unexpected_senders", unexpected, AtomicLong::get)
                .description("Unregistered (domain, stream, From domain or IP) seen sending within the quiet period")
                .register(meters);
    }

    /** Returns the number of sender-drifted events written; {@code now} is the job's clock. */
    public int check(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, RegisteredSender> registered = repository.registered().stream()
                    .collect(Collectors.toMap(RegisteredSender::domain, Function.identity()));
            List<UnexpectedSenders.Item> items = UnexpectedSenders.fold(registered, repository.seenSince(now.minus(quiet)));
            unexpected.set(items.size());
            if (items.isEmpty() || !repository.tryLockDriftCheck()) {
                return 0;
            }
            Map<UnexpectedSenders.Key, Instant> alerts = repository.alerts();
            int announced = 0;
            for (UnexpectedSenders.Item item : items) {
                Optional<Instant> last = Optional.ofNullable(alerts.get(item.key()));
                if (UnexpectedSenders.starts(item, last, quiet)) {
                    announce(registered.get(item.key().domain()), item, now);
                    repository.alerted(item.key(), now, item.lastSeen());
                    announced++;
                } else {
                    repository.lookedAt(item.key(), item.lastSeen());
                }
            }
            return announced;
        });
    }

    private void announce(RegisteredSender owner, UnexpectedSenders.Item item, Instant now) {
        UnexpectedSenders.Key k = item.key();
        List<String> registered = new ArrayList<>();
        if (k.kind() == SenderRules.Unexpected.FROM_DOMAIN) {
            registered.add(owner.domain());
            registered.addAll(new TreeSet<>(owner.fromDomains()));
        } else {
            registered.addAll(new TreeSet<>(owner.ips()));
        }
        String stream = k.stream().isEmpty() ? null : k.stream();
        LOG.infof("domain %s: stream %s sends from unregistered %s %s (%d messages since %s); register it with "
                + "PUT /api/v1/domains/%s or stop it", k.domain(), stream == null ? "(unknown)" : stream, k.kind(), k.value(),
                item.messages(), item.firstSeen(), k.domain());
        outbox.append(EventTypes.DOMAIN_AUTH_EVENTS_TOPIC, CloudEvent.of(EventTypes.DOMAIN_AUTH_SENDER_DRIFTED, k.domain(),
                new DomainAuthSenderDrifted(k.domain(), stream, k.kind().name(), k.value(), List.copyOf(registered),
                        item.firstSeen(), item.lastSeen(), (int) Math.min(item.messages(), Integer.MAX_VALUE),
                        item.sources()), now));
    }
}
