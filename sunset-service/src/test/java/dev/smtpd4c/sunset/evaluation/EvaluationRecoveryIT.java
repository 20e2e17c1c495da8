package dev.smtpd4c.sunset.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.sunset.support.KafkaProbe;
import dev.smtpd4c.sunset.support.ServiceProcess;
import dev.smtpd4c.sunset.support.StageFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The must-show recovery test: an evaluation whose process is killed half-way (Runtime.halt in the
 * middle of a batch, via smtpd4c.evaluation.halt-after-batches) and restarted ends in the same state
 * as an uninterrupted evaluation of the same data, and announces each change exactly once (one event
 * id per run, recipient and stream; a record the relay re-sends carries the same id and payload).
 *
 * <p>The service runs packaged (target/quarkus-app) in child JVMs against the real PostgreSQL (the
 * module's test database, cleaned and migrated here) and Kafka. Run by maven-failsafe in `verify`.
 */
class EvaluationRecoveryIT {

    private static final String DB = System.getenv().getOrDefault("SMTPD4C_TEST_DB", "smtpd4c_sunset_test");
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final String USER = System.getenv().getOrDefault("SMTPD4C_DB_USER", "smtpd4c");
    private static final String PASSWORD = System.getenv().getOrDefault("SMTPD4C_DB_PASSWORD", "smtpd4c");

    private static final int RECIPIENTS = 500; // x 3 streams = 1500 rows
    private static final int BATCH = 50;        // 30 batches
    private static final int HALT_AFTER = 12;

    private final String tag = "rc" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant anchor = Instant.now().truncatedTo(ChronoUnit.HOURS);

    record Outcome(Map<String, String> statuses, Map<String, String> changes, int events, int distinctIds, int batches) {}

    @Test
    void anEvaluationKilledHalfWayAndRestartedEndsAsAnUninterruptedOne() throws Exception {
        Flyway.configure().dataSource(URL, USER, PASSWORD).locations("classpath:db/migration").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(URL, USER, PASSWORD).locations("classpath:db/migration").load().migrate();
        KafkaProbe.ensureTopic(StageFixture.STATUS_TOPIC);

        // 1. The reference: the same data evaluated without interruption.
        seed();
        Outcome reference;
        try (KafkaProbe probe = KafkaProbe.open(StageFixture.STATUS_TOPIC);
                ServiceProcess service = ServiceProcess.start("recovery-it-reference", settings(null), env())) {
            JsonNode summary = StageFixture.read(service.post("/api/v1/evaluations").body());
            awaitOutboxPublished();
            reference = outcome(probe, UUID.fromString(summary.path("run").asText()));
        }
        assertThat(reference.batches()).isEqualTo(RECIPIENTS * 3 / BATCH);
        assertThat(new HashSet<>(reference.statuses().values()).stream().map(s -> s.split(" ")[0]).toList())
                .as("the seed reaches every status").contains("ACTIVE", "REDUCED", "RECONFIRM", "SUNSET", "SUSPENDED");
        assertThat(reference.changes()).hasSizeGreaterThan(300);

        // 2. The same data again; the service halts in the middle of batch 13 of 30.
        seed();
        Outcome recovered;
        try (KafkaProbe probe = KafkaProbe.open(StageFixture.STATUS_TOPIC)) {
            UUID run;
            try (ServiceProcess doomed = ServiceProcess.start("recovery-it-halted", settings(HALT_AFTER), env())) {
                try {
                    HttpResponse<String> r = doomed.post("/api/v1/evaluations");
                    throw new AssertionError("the evaluation should have died, but answered " + r.statusCode() + " " + r.body());
                } catch (IOException expected) {
                    // the process is gone mid-request
                }
                assertThat(doomed.awaitExit(Duration.ofSeconds(30))).as("halted, see %s", doomed.log)
                        .isEqualTo(EvaluationService.HALT_STATUS);
                assertThat(Files.readString(doomed.log)).contains("halting the process in the middle of batch " + (HALT_AFTER + 1));
            }
            run = assertHalfWay();
            try (ServiceProcess restarted = ServiceProcess.start("recovery-it-restarted", settings(null), env())) {
                JsonNode summary = StageFixture.read(restarted.post("/api/v1/evaluations").body());
                assertThat(summary.path("run").asText()).as("the restart resumes the open run").isEqualTo(run.toString());
                assertThat(summary.path("batches").asInt()).isEqualTo(reference.batches() - HALT_AFTER);
                awaitOutboxPublished();
                recovered = outcome(probe, run);
            }
        }

        assertThat(recovered.batches()).isEqualTo(reference.batches());
        assertThat(recovered.statuses()).isEqualTo(reference.statuses());
        assertThat(recovered.changes()).isEqualTo(reference.changes());
        assertThat(recovered.distinctIds()).as("one event per change, no second id for any").isEqualTo(reference.changes().size());
        System.out.printf("recovery: %d rows, halted in batch %d of %d, %d changes and %d distinct events as uninterrupted; "
                + "%d records on the topic (re-sent copies of one id: %d)%n", statusesSize(reference), HALT_AFTER + 1,
                reference.batches(), recovered.changes().size(), recovered.distinctIds(), recovered.events(),
                recovered.events() - recovered.distinctIds());
    }

    private static int statusesSize(Outcome o) {
        return o.statuses().size();
    }

    /** After the halt: one open run, its cursor after 12 batches, and state and outbox agreeing. */
    private UUID assertHalfWay() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, batches, evaluated, changed, cursor_recipient, finished_at FROM evaluation_run")) {
            assertThat(r.next()).isTrue();
            UUID run = (UUID) r.getObject(1);
            assertThat(r.getInt(2)).isEqualTo(HALT_AFTER);
            assertThat(r.getLong(3)).isEqualTo(HALT_AFTER * BATCH);
            long changed = r.getLong(4);
            assertThat(r.getString(5)).isNotNull();
            assertThat(r.getObject(6)).as("unfinished").isNull();
            assertThat(r.next()).isFalse();
            // The batch in flight rolled back whole: exactly the committed batches' changes and events exist.
            assertThat(count(c, "SELECT count(*) FROM outbox_event")).isEqualTo(changed);
            assertThat(count(c, "SELECT count(*) FROM engagement WHERE status_changed_at IS NOT NULL")).isEqualTo(changed);
            return run;
        }
    }

    private Outcome outcome(KafkaProbe probe, UUID run) throws SQLException {
        Map<String, String> statuses = new TreeMap<>();
        int batches;
        long outboxRows;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT recipient, stream, status, status_reason FROM engagement")) {
                while (r.next()) {
                    statuses.put(r.getString(1) + " " + r.getString(2), r.getString(3) + " " + r.getString(4));
                }
            }
            batches = (int) count(c, "SELECT batches FROM evaluation_run WHERE finished_at IS NOT NULL");
            outboxRows = count(c, "SELECT count(*) FROM outbox_event");
        }
        // Every row the relay published is on the topic, some perhaps twice (a relay killed between the
        // broker's ack and marking the row re-sends it after the restart); a few seconds more catch late copies.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, String>> seen = probe.await(this::mine, 1, Duration.ofSeconds(1));
        while (distinctIds(seen) < outboxRows && System.nanoTime() < deadline) {
            seen = probe.await(this::mine, seen.size() + 1, Duration.ofSeconds(1));
        }
        assertThat(distinctIds(seen)).as("distinct events on the topic").isEqualTo(outboxRows);
        seen = probe.await(this::mine, Integer.MAX_VALUE, Duration.ofSeconds(3));

        Map<String, String> payloadById = new HashMap<>();
        Map<String, String> changes = new TreeMap<>();
        for (ConsumerRecord<String, String> record : seen) {
            JsonNode e = StageFixture.read(record.value());
            String id = e.path("id").asText();
            String earlier = payloadById.putIfAbsent(id, record.value());
            assertThat(earlier == null || earlier.equals(record.value())).as("a re-sent event is the same event").isTrue();
            if (earlier != null) {
                continue;
            }
            JsonNode d = e.path("data");
            String key = d.path("recipient").asText() + " " + d.path("stream").asText();
            assertThat(id).as("event id of %s is derived from run and key", key).isEqualTo(
                    UUID.nameUUIDFromBytes((run + "\n" + d.path("recipient").asText() + "\n" + d.path("stream").asText())
                            .getBytes(StandardCharsets.UTF_8)).toString());
            String change = d.path("fromStatus").asText() + "->" + d.path("toStatus").asText() + " " + d.path("reason").asText();
            assertThat(changes.put(key, change)).as("a second event for %s", key).isNull();
        }
        return new Outcome(statuses, changes, seen.size(), payloadById.size(), batches);
    }

    private static long distinctIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> StageFixture.read(r.value()).path("id").asText()).distinct().count();
    }

    private boolean mine(ConsumerRecord<String, String> r) {
        return r.key() != null && r.key().startsWith(tag + "-");
    }

    /**
     * Recipients of every kind, timed against a fixed anchor so the two evaluations a few seconds
     * apart see the same day counts: silent for 0 to 259 days, a few never engaged, some under the
     * minimum of sends, some with bounces or complaints, some already in a later stage.
     */
    private void seed() throws SQLException {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE engagement, evaluation_run, outbox_event, status_override, processed_event");
            }
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO engagement (recipient, stream, first_seen_at, last_strong_at, sends_total, sends_since_strong,
                        hard_bounces, complaints, status)
                    SELECT ? || '-' || lpad(i::text, 5, '0') || '@recovery.example', s.stream,
                        CAST(? AS timestamptz) - interval '400 days',
                        CASE WHEN i % 29 = 0 THEN NULL
                             ELSE CAST(? AS timestamptz) - make_interval(days => (i * 37 + length(s.stream)) % 260) - interval '12 hours' END,
                        20, i % 11,
                        CASE WHEN i % 53 = 0 THEN 2 ELSE 0 END,
                        CASE WHEN i % 71 = 0 AND s.stream = 'marketing' THEN 2 ELSE 0 END,
                        CASE WHEN i % 13 = 0 THEN 'SUNSET' WHEN i % 17 = 0 THEN 'REDUCED' ELSE 'ACTIVE' END
                    FROM generate_series(1, ?) AS i
                    CROSS JOIN (VALUES ('marketing'), ('newsletter'), ('transactional')) AS s(stream)""")) {
                Timestamp at = Timestamp.from(anchor);
                p.setString(1, tag);
                p.setTimestamp(2, at);
                p.setTimestamp(3, at);
                p.setInt(4, RECIPIENTS);
                p.executeUpdate();
            }
        }
    }

    private void awaitOutboxPublished() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection c = connect()) {
            while (count(c, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
                assertThat(System.nanoTime()).as("outbox published within 60 s").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private static Map<String, String> settings(Integer haltAfter) {
        Map<String, String> p = new HashMap<>(Map.of(
                "smtpd4c.evaluation.batch-size", String.valueOf(BATCH),
                "smtpd4c.evaluation.every", "off"));
        // Only the evaluation writes: records other tests left on the intake topics stay unread.
        for (String channel : List.of("subscription-events", "engagement-events", "bounce-events", "suppression-events")) {
            p.put("mp.messaging.incoming." + channel + ".enabled", "false");
        }
        if (haltAfter != null) {
            p.put("smtpd4c.evaluation.halt-after-batches", haltAfter.toString());
        }
        return p;
    }

    private static Map<String, String> env() {
        return Map.of("SMTPD4C_DB_URL", URL, "SMTPD4C_DB_USER", USER, "SMTPD4C_DB_PASSWORD", PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", KafkaProbe.BOOTSTRAP);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
