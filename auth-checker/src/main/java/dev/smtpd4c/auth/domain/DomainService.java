package dev.smtpd4c.auth.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.auth.drift.DriftChange;
import dev.smtpd4c.auth.drift.DriftDetector;
import dev.smtpd4c.auth.events.CloudEvent;
import dev.smtpd4c.auth.events.DomainAuthChecked;
import dev.smtpd4c.auth.events.DomainAuthDrifted;
import dev.smtpd4c.auth.events.EventTypes;
import dev.smtpd4c.auth.outbox.Outbox;
import dev.smtpd4c.auth.report.DomainChecker;
import dev.smtpd4c.auth.report.DomainReport;
import dev.smtpd4c.auth.report.DomainSpec;
import dev.smtpd4c.auth.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Registered sender domains and their checks. DNS work runs outside any database transaction;
 * the snapshot, the checked event and (when something changed) the drifted event are written in
 * one transaction, with the domain row locked so concurrent checks of a domain queue up.
 */
@ApplicationScoped
public class DomainService {

    private static final Logger LOG = Logger.getLogger(DomainService.class);

    private final SenderDomainRepository domains;
    private final DomainChecker checker;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public DomainService(SenderDomainRepository domains, DomainChecker checker, Outbox outbox, ObjectMapper json,
            Clock clock) {
        this.domains = domains;
        this.checker = checker;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public DomainView register(DomainRegistration body) {
        if (body == null) {
            throw RegistrationValidator.invalid("a JSON body {domain, dkimSelectors, sendingIps, fromDomains, streams} is required");
        }
        String domain = RegistrationValidator.domain("domain", body.domain());
        SenderDomain entity = new SenderDomain();
        entity.domain = domain;
        apply(entity, body);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (domains.findByIdOptional(domain).isPresent()) {
                throw new ProblemException(409, "domain-already-registered", "Domain already registered",
                        domain + " is already registered; change it with PUT /api/v1/domains/" + domain);
            }
            entity.registeredAt = clock.instant();
            entity.updatedAt = entity.registeredAt;
            domains.persist(entity);
            return view(entity);
        });
    }

    public DomainView update(String path, DomainRegistration body) {
        String domain = RegistrationValidator.domain("domain", path);
        if (body == null) {
            throw RegistrationValidator.invalid("a JSON body {dkimSelectors, sendingIps, fromDomains, streams} is required");
        }
        SenderDomain changes = new SenderDomain();
        apply(changes, body);
        return QuarkusTransaction.requiringNew().call(() -> {
            SenderDomain entity = domains.lock(domain).orElseThrow(() -> notRegistered(domain));
            entity.dkimSelectors = changes.dkimSelectors;
            entity.sendingIps = changes.sendingIps;
            entity.fromDomains = changes.fromDomains;
            entity.streams = changes.streams;
            entity.updatedAt = clock.instant();
            return view(entity);
        });
    }

    public DomainView get(String path) {
        String domain = RegistrationValidator.domain("domain", path);
        return QuarkusTransaction.requiringNew().call(
                () -> view(domains.findByIdOptional(domain).orElseThrow(() -> notRegistered(domain))));
    }

    public void delete(String path) {
        String domain = RegistrationValidator.domain("domain", path);
        QuarkusTransaction.requiringNew().run(() -> {
            SenderDomain entity = domains.lock(domain).orElseThrow(() -> notRegistered(domain));
            domains.getEntityManager().createQuery("delete from DomainSnapshot s where s.domain = ?1")
                    .setParameter(1, domain).executeUpdate();
            domains.delete(entity);
        });
    }

    /** Checks the domain now, stores the snapshot and publishes checked (and drifted) events. */
    public DomainReport report(String path) {
        String domain = RegistrationValidator.domain("domain", path);
        return check(domain, "request").orElseThrow(() -> notRegistered(domain));
    }

    /** Every registered domain, one after the other; one domain's failure does not stop the rest. */
    public int recheckAll() {
        List<String> all = QuarkusTransaction.requiringNew().call(domains::allDomains);
        int done = 0;
        for (String domain : all) {
            try {
                check(domain, "schedule");
                done++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "drift check of %s failed; it is retried at the next interval. Check DNS and the database",
                        domain);
            }
        }
        return done;
    }

    /** Empty when the domain is not (or no longer) registered. */
    Optional<DomainReport> check(String domain, String trigger) {
        Optional<DomainSpec> spec = QuarkusTransaction.requiringNew().call(() -> domains.findByIdOptional(domain).map(
                DomainService::spec));
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        DomainReport report = checker.check(spec.get(), clock.instant());
        boolean stored = QuarkusTransaction.requiringNew().call(() -> record(domain, report, trigger));
        return stored ? Optional.of(report) : Optional.empty();
    }

    private boolean record(String domain, DomainReport report, String trigger) {
        if (domains.lock(domain).isEmpty()) {
            return false; // deleted while the checks ran
        }
        Optional<DomainSnapshot> last = domains.latestSnapshot(domain);
        DomainSnapshot snapshot = new DomainSnapshot();
        snapshot.domain = domain;
        snapshot.checkedAt = report.checkedAt();
        snapshot.grade = report.grade().name();
        snapshot.report = write(report);
        domains.addSnapshot(snapshot);
        outbox.append(EventTypes.DOMAIN_AUTH_EVENTS_TOPIC, CloudEvent.of(EventTypes.DOMAIN_AUTH_CHECKED, domain,
                DomainEvents.checked(report, trigger), report.checkedAt()));
        if (last.isPresent()) {
            DomainReport previous = read(last.get().report);
            List<DriftChange> changes = DriftDetector.compare(previous, report);
            if (!changes.isEmpty()) {
                LOG.infof("domain %s drifted: %d change(s) since %s", domain, changes.size(), previous.checkedAt());
                outbox.append(EventTypes.DOMAIN_AUTH_EVENTS_TOPIC, CloudEvent.of(EventTypes.DOMAIN_AUTH_DRIFTED, domain,
                        DomainEvents.drifted(previous, report, changes), report.checkedAt()));
            }
        }
        return true;
    }

    private String write(DomainReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report of " + report.domain(), e);
        }
    }

    private DomainReport read(String text) {
        try {
            return json.readValue(text, DomainReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is not a readable DomainReport: " + e.getOriginalMessage(), e);
        }
    }

    private static void apply(SenderDomain entity, DomainRegistration body) {
        entity.dkimSelectors = RegistrationValidator.selectors(body.dkimSelectors()).toArray(String[]::new);
        entity.sendingIps = RegistrationValidator.ips(body.sendingIps()).toArray(String[]::new);
        entity.fromDomains = RegistrationValidator.domains(body.fromDomains()).toArray(String[]::new);
        entity.streams = RegistrationValidator.streams(body.streams()).toArray(String[]::new);
    }

    private static DomainSpec spec(SenderDomain d) {
        return new DomainSpec(d.domain, List.of(d.dkimSelectors), List.of(d.sendingIps), List.of(d.fromDomains));
    }

    private DomainView view(SenderDomain d) {
        Optional<DomainSnapshot> last = domains.latestSnapshot(d.domain);
        return new DomainView(d.domain, List.of(d.dkimSelectors), List.of(d.sendingIps), List.of(d.fromDomains),
                List.of(d.streams), d.registeredAt, d.updatedAt, last.map(s -> s.checkedAt).orElse(null),
                last.map(s -> s.grade).orElse(null));
    }

    private static ProblemException notRegistered(String domain) {
        return new ProblemException(404, "domain-not-registered", "Domain not registered",
                domain + " is not registered; register it with POST /api/v1/domains");
    }
}
