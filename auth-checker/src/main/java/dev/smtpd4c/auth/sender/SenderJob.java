package dev.smtpd4c.auth.sender;

import dev.smtpd4c.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Every smtpd4c.senders.check-interval: announce senders the registrations do not list. */
@ApplicationScoped
@Startup
public class SenderJob {

    private static final Logger LOG = Logger.getLogger(SenderJob.class);

    private final SenderDriftService service;
    private final Clock clock;

    public SenderJob(SenderDriftService service, Clock clock, AuthConfig config) {
        this.service = service;
        this.clock = clock;
        if (config.senders().checkInterval().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("smtpd4c.senders.check-interval must be at least 1s, got "
                    + config.senders().checkInterval());
        }
    }

    @Scheduled(identity = "sender-drift", every = "${smtpd4c.senders.check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int n = service.check(clock.instant());
        if (n > 0) {
            LOG.debugf("sender check: %d sender-drifted event(s)", n);
        }
    }
}
