package dev.smtpd4c.sunset.evaluation;

import dev.smtpd4c.sunset.config.SunsetConfig;
import dev.smtpd4c.sunset.policy.Decision;
import dev.smtpd4c.sunset.policy.InactivityPolicy;
import dev.smtpd4c.sunset.recipient.StatusChange;
import dev.smtpd4c.sunset.recipient.StatusEvents;
import dev.smtpd4c.sunset.recipient.StatusRepository;
import dev.smtpd4c.sunset.recipient.StatusRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Evaluates every recipient against the policy in keyset-paged batches. Each batch is one
 * transaction holding its status updates, their events (outbox) and the run's cursor, so a crash
 * loses at most the batch in flight, and the resumed run — same as-of time, next key — neither
 * skips nor repeats anyone. A recipient already in its target status produces nothing.
 */
@ApplicationScoped
public class EvaluationService {

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    /** Exit status of a process halted by smtpd4c.evaluation.halt-after-batches. */
    public static final int HALT_STATUS = 86;

    private final EvaluationRuns runs;
    private final StatusRepository statuses;
    private final StatusEvents events;
    private final InactivityPolicy policy;
    private final Clock clock;
    private final EntityManager em;
    private final int batchSize;
    private final OptionalInt haltAfterBatches;
    private final AtomicInteger committedBatches = new AtomicInteger();

    public EvaluationService(EvaluationRuns runs, StatusRepository statuses, StatusEvents events, InactivityPolicy policy,
            Clock clock, SunsetConfig config, EntityManager em) {
        this.em = em;
        this.runs = runs;
        this.statuses = statuses;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
        this.batchSize = config.evaluation().batchSize();
        this.haltAfterBatches = config.evaluation().haltAfterBatches();
    }

    public record Summary(UUID run, Instant asOf, int batches) {}

    /** Resumes the unfinished run, or starts one, and runs it to the end. */
    public Summary evaluate() {
        EvaluationRuns.Run run = startOrResume();
        int batches = 0;
        while (runBatch()) {
            batches++;
        }
        LOG.infof("evaluation %s as of %s finished after %d batches in this process", run.id(), run.asOf(), batches);
        return new Summary(run.id(), run.asOf(), batches);
    }

    public EvaluationRuns.Run startOrResume() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                EvaluationRuns.Run open = runs.lockOpen();
                return open != null ? open : runs.open(clock.instant(), clock.instant());
            });
        } catch (RuntimeException e) {
            // Another replica opened a run at the same moment (evaluation_run_one_open): take part in that one.
            EvaluationRuns.Run open = QuarkusTransaction.requiringNew().call(runs::lockOpen);
            if (open == null) {
                throw e;
            }
            return open;
        }
    }

    /** Evaluates the next batch of the open run; false when there is no open run or it has just finished. */
    public boolean runBatch() {
        boolean more = QuarkusTransaction.requiringNew().call(() -> {
            EvaluationRuns.Run run = runs.lockOpen();
            if (run == null) {
                return false;
            }
            List<StatusRow> page = statuses.page(run.cursorRecipient(), run.cursorStream(), batchSize);
            List<StatusChange> changes = decide(page, run.asOf());
            // The event id follows from the run and the key: whatever happens to a batch, one run
            // announces one change of a recipient in a stream under one id, which consumers dedupe.
            statuses.apply(changes, run.asOf()).forEach(c -> events.changed(c, "evaluation", run.asOf(), eventId(run.id(), c)));
            if (!page.isEmpty()) {
                StatusRow last = page.getLast();
                runs.advance(run.id(), last.activity().recipient(), last.activity().stream(), page.size(), changes.size());
            }
            haltIfAsked(run);
            boolean full = page.size() == batchSize;
            if (!full) {
                runs.finish(run.id(), clock.instant());
            }
            return full;
        });
        committedBatches.incrementAndGet();
        return more;
    }

    /**
     * Decides one recipient's stream now, in the caller's transaction: a suite event (a confirmation,
     * a hard bounce, a complaint) takes effect at once rather than at the next evaluation. The event
     * id follows from the triggering event, so a redelivered trigger could not announce twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluate(String recipient, String stream, UUID trigger) {
        Instant now = clock.instant();
        List<StatusRow> rows = statuses.of(recipient).stream().filter(r -> r.activity().stream().equals(stream)).toList();
        statuses.apply(decide(rows, now), now).forEach(c -> events.changed(c, "event", now, eventId(trigger, c)));
    }

    static UUID eventId(UUID origin, StatusChange c) {
        return UUID.nameUUIDFromBytes((origin + "\n" + c.recipient() + "\n" + c.stream()).getBytes(StandardCharsets.UTF_8));
    }

    /** smtpd4c.evaluation.halt-after-batches: die with this batch written and not committed. */
    private void haltIfAsked(EvaluationRuns.Run run) {
        if (haltAfterBatches.isPresent() && committedBatches.get() >= haltAfterBatches.getAsInt()) {
            em.flush();
            LOG.warnf("evaluation %s: halting the process in the middle of batch %d (smtpd4c.evaluation.halt-after-batches)",
                    run.id(), committedBatches.get() + 1);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    public record Preview(Instant asOf, long evaluated, Map<String, Long> transitions, List<StatusChange> sample) {}

    /** What an evaluation now would change and why, without writing anything. */
    public Preview dryRun(int sampleSize) {
        Instant asOf = clock.instant();
        Map<String, Long> transitions = new LinkedHashMap<>();
        List<StatusChange> sample = new ArrayList<>();
        long evaluated = 0;
        String recipient = "";
        String stream = "";
        List<StatusRow> page;
        do {
            String r = recipient, s = stream;
            page = QuarkusTransaction.requiringNew().call(() -> statuses.page(r, s, batchSize));
            for (StatusChange c : decide(page, asOf)) {
                transitions.merge(c.fromStatus() + "->" + c.toStatus(), 1L, Long::sum);
                if (sample.size() < sampleSize) {
                    sample.add(c);
                }
            }
            evaluated += page.size();
            if (!page.isEmpty()) {
                recipient = page.getLast().activity().recipient();
                stream = page.getLast().activity().stream();
            }
        } while (page.size() == batchSize);
        return new Preview(asOf, evaluated, transitions, sample);
    }

    /** The changes the policy makes to a page; rows pinned by a manual override are left alone. */
    private List<StatusChange> decide(List<StatusRow> page, Instant asOf) {
        List<StatusChange> changes = new ArrayList<>();
        for (StatusRow row : page) {
            if (row.pinnedAt(asOf)) {
                continue;
            }
            Decision d = policy.decide(row.activity(), asOf);
            if (d.changes(row.activity().status())) {
                changes.add(new StatusChange(row.activity().recipient(), row.activity().stream(), row.activity().status(),
                        d.status(), d.reason()));
            }
        }
        return changes;
    }
}
