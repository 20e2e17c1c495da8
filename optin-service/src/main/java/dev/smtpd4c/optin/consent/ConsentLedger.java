package dev.smtpd4c.optin.consent;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.subscription.Subscription;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Appends consent steps in the caller's transaction and reads them back per address. */
@ApplicationScoped
public class ConsentLedger implements PanacheRepository<ConsentEvent> {

    private final Clock clock;
    private final String defaultTextVersion;

    public ConsentLedger(Clock clock, OptinConfig config) {
        this.clock = clock;
        this.defaultTextVersion = config.consent().textVersion();
    }

    /** MANDATORY: a step recorded apart from its state change could claim consent that was never stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Subscription s, ConsentStep step, ClientInfo client, String textVersion) {
        ConsentEvent e = new ConsentEvent();
        e.subscriptionId = s.id;
        e.address = s.address;
        e.list = s.list;
        e.step = step;
        e.occurredAt = clock.instant();
        e.ip = client.ip();
        e.userAgent = client.userAgent();
        e.source = s.source;
        e.textVersion = textVersion == null || textVersion.isBlank() ? defaultTextVersion : textVersion;
        persist(e);
    }

    public List<ConsentRecord> export(String address) {
        return find("address = ?1 order by occurredAt, id", address).stream().map(ConsentRecord::of).toList();
    }
}
