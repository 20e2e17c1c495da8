package dev.smtpd4c.auth.sender;

import dev.smtpd4c.auth.config.AuthConfig;
import dev.smtpd4c.auth.dmarcreport.AggregateReport;
import dev.smtpd4c.auth.dmarcreport.AggregateReportReader;
import dev.smtpd4c.auth.dmarcreport.ReportFormatException;
import dev.smtpd4c.auth.dmarcreport.ReportLimits;
import dev.smtpd4c.auth.domain.SenderDomain;
import dev.smtpd4c.auth.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records who was seen sending for registered domains: single verified messages, batches from the
 * MTA side and DMARC aggregate reports. Each upload is one transaction: all of it counts or none.
 */
@ApplicationScoped
public class ObservationService {

    private static final Logger LOG = Logger.getLogger(ObservationService.class);
    private static final int LIST_LIMIT = 1000;

    private final SenderObservationRepository repository;
    private final Clock clock;
    private final AuthConfig.Senders config;
    private final AggregateReportReader reader;

    public ObservationService(SenderObservationRepository repository, Clock clock, AuthConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.config = config.senders();
        this.reader = new AggregateReportReader(new ReportLimits(this.config.maxReportXmlBytes(),
                this.config.maxReportRecords(), ReportLimits.DEFAULT.maxDepth(), ReportLimits.DEFAULT.maxZipEntries()));
    }

    /** POST /api/v1/observations: every item is checked before any is stored. */
    public ObservationResult recordBatch(ObservationInput body) {
        if (body == null || body.observations() == null || body.observations().isEmpty()) {
            throw ObservationValidator.invalid("a JSON body {observations: [{stream, fromDomain, ip, seenAt, messages}]} "
                    + "with at least one item is required");
        }
        if (body.observations().size() > config.maxBatch()) {
            throw ObservationValidator.invalid("the batch has " + body.observations().size() + " observations; at most "
                    + config.maxBatch());
        }
        Instant now = clock.instant();
        List<SenderObservation> checked = new ArrayList<>(body.observations().size());
        for (int i = 0; i < body.observations().size(); i++) {
            ObservationInput.Item item = body.observations().get(i);
            String at = "observations[" + i + "].";
            if (item == null) {
                throw ObservationValidator.invalid("observations[" + i + "] is null");
            }
            Instant seen = ObservationValidator.seenAt(at + "seenAt", item.seenAt(), now);
            checked.add(new SenderObservation(ObservationValidator.stream(at + "stream", item.stream()),
                    ObservationValidator.domain(at + "fromDomain", item.fromDomain()),
                    ObservationValidator.ip(at + "ip", item.ip()), seen, seen,
                    ObservationValidator.messages(at + "messages", item.messages()), SenderObservation.MTA));
        }
        return record(checked);
    }

    /** Stores the observations that a registered domain claims; the rest are counted as ignored. */
    public ObservationResult record(List<SenderObservation> observations) {
        return QuarkusTransaction.requiringNew().call(() -> store(observations));
    }

    private ObservationResult store(List<SenderObservation> observations) {
        List<RegisteredSender> registered = repository.registered();
        List<Owned> owned = new ArrayList<>();
        for (SenderObservation o : observations) {
            SenderRules.owner(registered, o.stream(), o.fromDomain()).ifPresent(r -> owned.add(new Owned(r.domain(), o)));
        }
        // One order for every upload, so two concurrent uploads lock shared rows in the same order.
        owned.sort(Comparator.comparing(Owned::domain).thenComparing(w -> w.o().stream() == null ? "" : w.o().stream())
                .thenComparing(w -> w.o().fromDomain()).thenComparing(w -> w.o().ip()));
        for (Owned w : owned) {
            repository.add(w.domain(), w.o());
        }
        return new ObservationResult(owned.size(), observations.size() - owned.size());
    }

    /** POST /api/v1/dmarc-reports: XML, .xml.gz or .zip; a report id seen before is not counted again. */
    public DmarcReportResult importReport(byte[] upload) {
        if (upload != null && upload.length > config.maxReportBytes()) {
            throw new ProblemException(413, "report-too-large", "DMARC report too large", "the upload has "
                    + upload.length + " bytes; at most " + config.maxReportBytes() + " are accepted");
        }
        AggregateReport report;
        try {
            report = reader.read(upload);
        } catch (ReportFormatException e) {
            throw e.tooLarge()
                    ? new ProblemException(413, "report-too-large", "DMARC report too large", e.getMessage())
                    : ProblemException.badRequest("invalid-dmarc-report", "Invalid DMARC aggregate report", e.getMessage());
        }
        Instant now = clock.instant();
        Instant end = report.end().isAfter(now) ? now : report.end();
        Instant begin = report.begin().isAfter(end) ? end : report.begin();
        List<SenderObservation> rows = new ArrayList<>();
        int foreign = 0;
        for (AggregateReport.Row row : report.rows()) {
            String from = row.headerFrom();
            // A row for another domain than the one whose policy was applied is not this report's to tell.
            if (row.count() == 0 || !from.equals(report.policyDomain()) && !from.endsWith("." + report.policyDomain())) {
                foreign++;
                continue;
            }
            rows.add(new SenderObservation(null, from, row.sourceIp(), begin, end, row.count(),
                    SenderObservation.DMARC_REPORT));
        }
        int skipped = foreign;
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.addReport(report.orgName(), report.reportId(), report.policyDomain(), report.begin(),
                    report.end(), report.rows().size(), now)) {
                LOG.infof("DMARC report %s from %s was applied before; not counted again", report.reportId(),
                        report.orgName());
                return new DmarcReportResult(report.orgName(), report.reportId(), report.policyDomain(), report.begin(),
                        report.end(), report.rows().size(), 0, 0, true);
            }
            ObservationResult stored = store(rows);
            return new DmarcReportResult(report.orgName(), report.reportId(), report.policyDomain(), report.begin(),
                    report.end(), report.rows().size(), stored.recorded(), stored.ignored() + skipped, false);
        });
    }

    /** What was seen sending for a registered domain, registered or not, most recent first. */
    public List<SenderView> senders(String domain) {
        String d = ObservationValidator.domain("domain", domain);
        return QuarkusTransaction.requiringNew().call(() -> {
            SenderDomain entity = Optional.ofNullable(repository.find(d)).orElseThrow(() -> new ProblemException(404,
                    "domain-not-registered", "Domain not registered",
                    d + " is not registered; register it with POST /api/v1/domains"));
            RegisteredSender owner = SenderObservationRepository.registered(entity);
            return repository.list(d, LIST_LIMIT).stream().map(r -> {
                List<SenderRules.Unexpected> unexpected = SenderRules.unexpected(owner, r.fromDomain(), r.ip());
                return new SenderView(r.stream(), r.fromDomain(), r.ip(), r.firstSeen(), r.lastSeen(), r.messages(),
                        r.lastSource(), unexpected.isEmpty(), unexpected);
            }).toList();
        });
    }

    private record Owned(String domain, SenderObservation o) {}
}
