package dev.smtpd4c.sunset.evaluation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the evaluation on a schedule; a run left unfinished by a crash is resumed by the next one. */
@ApplicationScoped
public class EvaluationScheduler {

    private final EvaluationService evaluation;

    public EvaluationScheduler(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @Scheduled(every = "${smtpd4c.evaluation.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        evaluation.evaluate();
    }
}
