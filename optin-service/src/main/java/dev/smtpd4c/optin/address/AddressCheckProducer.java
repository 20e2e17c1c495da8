package dev.smtpd4c.optin.address;

import dev.smtpd4c.optin.config.OptinConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Builds the address checker from {@link OptinConfig}; the data lists are read once at start. */
public class AddressCheckProducer {

    private static final Logger LOG = Logger.getLogger(AddressCheckProducer.class);

    @Produces
    @Singleton
    @Startup // a missing or broken list file stops the start, not the first sign-up
    AddressChecker addressChecker(OptinConfig config) {
        MailDomainResolver dns = new MailDomainResolver(config.dns().server().orElse(null), config.dns().timeout());
        OptinConfig.Address a = config.address();
        DisposableDomains disposable = a.disposableDomainsFile().filter(f -> !f.isBlank())
                .map(f -> DisposableDomains.fromFile(Path.of(f))).orElseGet(DisposableDomains::builtIn);
        LOG.infof("address checks: DNS %s, on temporary DNS failure %s, %d disposable domains (%s)", dns.server(),
                a.onDnsTemporaryFailure(), disposable.size(), a.disposableDomainsFile().orElse("built in"));
        return new AddressChecker(dns, disposable, DomainTypos.builtIn(), a.onDnsTemporaryFailure(), a.rejectDisposable());
    }
}
