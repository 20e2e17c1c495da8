package dev.smtpd4c.sunset.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Every setting of sunset-service. Defaults suit the local run; secrets come only from the environment. */
@ConfigMapping(prefix = "smtpd4c")
public interface SunsetConfig {

    Outbox outbox();

    Policy policy();

    Evaluation evaluation();

    ComplaintRate complaintRate();

    interface Outbox {
        /** False stops publishing (the rows wait); for maintenance of the broker. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows without being woken (rows other replicas wrote, retries). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows published per database transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for the broker to acknowledge one batch. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Published rows are deleted after this long. */
        @WithDefault("P7D")
        Duration retention();
    }

    /** The sunset policy; see InactivityPolicy and PolicySettings. */
    interface Policy {
        @WithDefault("P90D")
        Duration reduceAfter();

        @WithDefault("P120D")
        Duration reconfirmAfter();

        @WithDefault("P180D")
        Duration sunsetAfter();

        /** Sends since the last strong engagement before anyone is judged inactive. */
        @WithDefault("5")
        int minimumSends();

        /** How much one open counts towards a strong engagement (0 = never; Apple MPP prefetches opens). */
        @WithDefault("0")
        double openWeight();

        @WithDefault("2")
        int suspendAfterHardBounces();

        @WithDefault("2")
        int suspendAfterComplaints();

        /** Streams never judged on inactivity (only suspension stops them). */
        @WithDefault("transactional")
        List<String> exemptStreams();

        /** Per-stream stages, e.g. smtpd4c.policy.streams.digest.sunset-after=P90D; unset values take the defaults. */
        Map<String, StreamStages> streams();
    }

    interface StreamStages {
        Optional<Duration> reduceAfter();

        Optional<Duration> reconfirmAfter();

        Optional<Duration> sunsetAfter();
    }

    interface Evaluation {
        /** How often the scheduled evaluation runs; "off" disables it (tests run it by hand). */
        @WithDefault("1h")
        String every();

        /** Recipients per transaction: one batch's status updates, events and cursor commit together. */
        @WithDefault("5000")
        int batchSize();

        /**
         * Fault injection for the recovery test (EvaluationRecoveryIT), never set in production: after
         * this many committed batches, the next batch writes its updates and events and then the
         * process halts (Runtime.halt, no shutdown hooks) before it commits — a crash half-way.
         */
        OptionalInt haltAfterBatches();
    }

    /** The complaint-rate monitor per sending domain and stream (Gmail and Yahoo: under 0.1 %, never 0.3 %). */
    interface ComplaintRate {
        /** How often the monitor judges the windows; "off" disables the schedule (POST /api/v1/complaint-rates runs it). */
        @WithDefault("5m")
        String every();

        /** Complaints / sends at or above which a window is WARNING. */
        @WithDefault("0.001")
        double warningThreshold();

        /** Complaints / sends at or above which a window is CRITICAL. */
        @WithDefault("0.003")
        double criticalThreshold();

        /** Sends a window needs before it is judged: below that one complaint alone crosses 0.1 %. */
        @WithDefault("1000")
        long minimumSends();

        /** Pause the stream (never an exempt one) for the domain when the 24 h window is CRITICAL; an operator resumes it. */
        @WithDefault("true")
        boolean pauseAtCritical();
    }
}
