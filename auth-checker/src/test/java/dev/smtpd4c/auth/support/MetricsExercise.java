package dev.smtpd4c.auth.support;

/** What this service must do before its metrics appear; MetricsCatalogueTest calls it. */
final class MetricsExercise {

    private MetricsExercise() {}

    static void run() {
        // Nothing: every meter of this service is registered at start-up.
    }
}
