package dev.smtpd4c.auth.health;

import dev.smtpd4c.auth.config.AuthConfig;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the configured resolver answers: every check and verification needs DNS. */
@Readiness
@ApplicationScoped
public class DnsReadinessCheck implements HealthCheck {

    private final DnsjavaResolver dns;
    private final String probe;

    public DnsReadinessCheck(DnsjavaResolver dns, AuthConfig config) {
        this.dns = dns;
        this.probe = config.dns().healthName();
    }

    @Override
    public HealthCheckResponse call() {
        DnsAnswer<?> answer = dns.mx(probe);
        String server = dns.config().host() + ":" + dns.config().port();
        return HealthCheckResponse.named("dns").status(answer.status() != DnsAnswer.Status.TEMPFAIL)
                .withData("server", server).withData("probe", probe + " MX: " + answer.status()
                        + (answer.detail().isEmpty() ? "" : " (" + answer.detail() + ")")).build();
    }
}
