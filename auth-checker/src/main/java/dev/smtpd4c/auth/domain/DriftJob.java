package dev.smtpd4c.auth.domain;

import dev.smtpd4c.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Re-checks every registered domain at smtpd4c.drift.interval; the service compares and publishes. */
@ApplicationScoped
@Startup
public class DriftJob {

    private static final Logger LOG = Logger.getLogger(DriftJob.class);

    private final DomainService service;

    public DriftJob(DomainService service, AuthConfig config) {
        this.service = service;
        if (config.drift().interval().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("smtpd4c.drift.interval must be at least 1s, got " + config.drift().interval());
        }
    }

    @Scheduled(identity = "domain-drift", every = "${smtpd4c.drift.interval:6h}", delayed = "${smtpd4c.drift.interval:6h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        int n = service.recheckAll();
        LOG.debugf("drift check: %d domain(s) re-checked", n);
    }
}
