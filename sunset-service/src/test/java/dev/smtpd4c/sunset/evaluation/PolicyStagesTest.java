package dev.smtpd4c.sunset.evaluation;

import static dev.smtpd4c.sunset.support.StageFixture.STATUS_TOPIC;
import static dev.smtpd4c.sunset.support.StageFixture.evaluate;
import static dev.smtpd4c.sunset.support.StageFixture.event;
import static dev.smtpd4c.sunset.support.StageFixture.events;
import static dev.smtpd4c.sunset.support.StageFixture.maySend;
import static dev.smtpd4c.sunset.support.StageFixture.reconfirmAtLogin;
import static dev.smtpd4c.sunset.support.StageFixture.record;
import static dev.smtpd4c.sunset.support.StageFixture.recipient;
import static dev.smtpd4c.sunset.support.StageFixture.statusEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.sunset.support.KafkaProbe;
import dev.smtpd4c.sunset.support.StageFixture;
import dev.smtpd4c.sunset.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each stage of the policy, end to end: engagement in over REST, the clock moved on, a real
 * evaluation against PostgreSQL, the status read back through the answers, and the status-change
 * event read from the real Kafka topic. Default policy: 90 / 120 / 180 days, 5 sends minimum,
 * opens weigh 0, suspension after 2 hard bounces or 2 complaints.
 */
@QuarkusTest
class PolicyStagesTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    Instant t0;
    KafkaProbe probe;

    @BeforeEach
    void start() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        probe = KafkaProbe.open(STATUS_TOPIC);
    }

    @AfterEach
    void stop() {
        probe.close();
        clock.reset();
    }

    @Test
    void ninetyDaysWithoutStrongEngagementReducesFrequency() {
        String r = silentRecipient("reduce", 5);
        at(Duration.ofDays(89));
        assertThat(maySend(r, "marketing").path("reason").asText()).startsWith("active");
        at(Duration.ofDays(100));

        JsonNode e = single(r, "ACTIVE", "REDUCED");
        assertThat(e.path("data").path("reason").asText()).startsWith("100 days without strong engagement");
        assertThat(e.path("data").path("cause").asText()).isEqualTo("evaluation");
        JsonNode answer = maySend(r, "marketing");
        assertThat(answer.path("allowed").asBoolean()).isTrue();
        assertThat(answer.path("reason").asText()).startsWith("reduced frequency");
    }

    @Test
    void oneHundredTwentyDaysAsksForReconfirmation() {
        String r = silentRecipient("reconfirm", 5);
        at(Duration.ofDays(130));

        single(r, "ACTIVE", "RECONFIRM");
        assertThat(maySend(r, "marketing").path("allowed").asBoolean()).isFalse();
        assertThat(maySend(r, "marketing").path("reason").asText()).startsWith("waiting for re-confirmation");
        JsonNode login = reconfirmAtLogin(r);
        assertThat(login.path("ask").asBoolean()).isTrue();
        assertThat(login.path("reason").asText()).startsWith("reconfirm in stream marketing");
    }

    @Test
    void oneHundredEightyDaysSunsetsMarketingButNotTransactionalMail() {
        String r = recipient("sunset");
        List<Map<String, Object>> batch = new ArrayList<>(events(r, "marketing", "sent", 6, t0));
        batch.addAll(events(r, "transactional", "sent", 6, t0));
        record(batch);
        at(Duration.ofDays(200));

        JsonNode e = single(r, "ACTIVE", "SUNSET");
        assertThat(e.path("data").path("stream").asText()).isEqualTo("marketing"); // transactional is never judged on silence
        assertThat(maySend(r, "marketing").path("allowed").asBoolean()).isFalse();
        assertThat(maySend(r, "marketing").path("reason").asText()).startsWith("sunset: 200 days without strong engagement");
        assertThat(maySend(r, "transactional").path("allowed").asBoolean()).isTrue();
    }

    @Test
    void fewerThanTheMinimumSendsIsNotJudged() {
        String r = silentRecipient("minimum", 4);
        at(Duration.ofDays(400));

        assertThat(outboxRows(r)).isZero();
        assertThat(maySend(r, "marketing").path("allowed").asBoolean()).isTrue();

        record(List.of(event(r, "marketing", "sent", clock.instant().minusSeconds(60))));
        evaluate(); // the fifth send makes the 400 days of silence count
        single(r, "ACTIVE", "SUNSET");
    }

    @Test
    void strongEngagementReactivatesASunsetRecipient() {
        String r = silentRecipient("reactivate", 5);
        at(Duration.ofDays(200));
        single(r, "ACTIVE", "SUNSET");

        record(List.of(event(r, "marketing", "clicked", clock.instant().minusSeconds(60))));
        evaluate();
        List<JsonNode> all = statusEvents(probe, r, 2);
        assertThat(all).hasSize(2);
        JsonNode back = all.get(1).path("data");
        assertThat(back.path("fromStatus").asText()).isEqualTo("SUNSET");
        assertThat(back.path("toStatus").asText()).isEqualTo("ACTIVE");
        assertThat(back.path("reason").asText()).startsWith("reactivated: 0 sends since last engagement");
        assertThat(maySend(r, "marketing").path("allowed").asBoolean()).isTrue();
    }

    @Test
    void opensWeighBelowClicks() {
        // Two recipients mailed alike; on day 50 one only opened (perhaps Apple's prefetch), the other clicked.
        String opener = recipient("opener");
        String clicker = recipient("clicker");
        Instant day50 = t0.plus(Duration.ofDays(50));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (String r : List.of(opener, clicker)) {
            batch.addAll(events(r, "marketing", "sent", 8, t0));
            batch.addAll(events(r, "marketing", "sent", 5, day50.plus(Duration.ofHours(6)))); // after the open or click
        }
        batch.addAll(events(opener, "marketing", "opened", 3, day50));
        batch.add(event(clicker, "marketing", "clicked", day50));
        clock.set(t0.plus(Duration.ofDays(51)));
        record(batch);
        clock.set(t0.plus(Duration.ofDays(100)));
        evaluate();

        JsonNode e = single(opener, "ACTIVE", "REDUCED");
        assertThat(e.path("data").path("reason").asText()).startsWith("100 days without strong engagement");
        assertThat(outboxRows(clicker)).isZero();
        assertThat(maySend(clicker, "marketing").path("reason").asText()).isEqualTo("active");
    }

    @Test
    void repeatedHardBouncesOrComplaintsSuspendEveryStream() {
        String bouncer = recipient("bouncer");
        String complainer = recipient("complainer");
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.addAll(events(bouncer, "marketing", "sent", 2, t0));
        batch.add(event(bouncer, "marketing", "clicked", t0.minusSeconds(30))); // engagement does not outweigh bounces
        batch.addAll(events(bouncer, "marketing", "hard-bounced", 2, t0));
        batch.addAll(events(complainer, "newsletter", "complained", 2, t0));
        record(batch); // a second hard bounce or complaint is decided at once, not at the next evaluation

        JsonNode suspended = single(bouncer, "ACTIVE", "SUSPENDED").path("data");
        assertThat(suspended.path("reason").asText()).isEqualTo("2 hard bounces (limit 2)");
        assertThat(suspended.path("cause").asText()).isEqualTo("event");
        at(Duration.ofDays(1)); // the evaluation agrees and announces nothing more
        assertThat(single(complainer, "ACTIVE", "SUSPENDED").path("data").path("reason").asText())
                .isEqualTo("2 complaints (limit 2)");
        JsonNode tx = maySend(bouncer, "transactional");
        assertThat(tx.path("allowed").asBoolean()).isFalse();
        assertThat(tx.path("reason").asText()).startsWith("suspended in stream marketing");
        assertThat(reconfirmAtLogin(complainer).path("ask").asBoolean()).isTrue();

        record(List.of(event(bouncer, "marketing", "clicked", clock.instant().minusSeconds(5))));
        evaluate(); // only an operator lifts a suspension
        assertThat(outboxRows(bouncer)).isEqualTo(1);
    }

    @Test
    void dryRunShowsWhatWouldChangeAndWhyAndWritesNothing() {
        String r = silentRecipient("dryrun", 5);
        clock.set(t0.plus(Duration.ofDays(200)));

        String body = given().queryParam("dryRun", true).queryParam("sample", 10_000).post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString();
        JsonNode preview = StageFixture.read(body);
        assertThat(preview.path("transitions").path("ACTIVE->SUNSET").asLong()).isPositive();
        JsonNode mine = null;
        for (JsonNode c : preview.path("sample")) {
            if (c.path("recipient").asText().equals(r)) {
                mine = c;
            }
        }
        assertThat(mine).as("the dry run's sample names %s", r).isNotNull();
        assertThat(mine.path("toStatus").asText()).isEqualTo("SUNSET");
        assertThat(mine.path("reason").asText()).startsWith("200 days without strong engagement");

        assertThat(outboxRows(r)).isZero();
        assertThat(maySend(r, "marketing").path("allowed").asBoolean()).isTrue();
        given().queryParam("dryRun", true).queryParam("sample", -1).post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void overrideIsAuditedAnnouncedAndPinnedAgainstTheEvaluation() {
        String r = silentRecipient("override", 5);
        at(Duration.ofDays(200));
        single(r, "ACTIVE", "SUNSET");

        Instant pin = clock.instant().plus(Duration.ofDays(30));
        given().contentType(ContentType.JSON)
                .body(Map.of("stream", "marketing", "status", "ACTIVE", "reason", "customer asked by phone", "actor", "ops@example.org",
                        "pinnedUntil", pin.toString()))
                .post("/api/v1/recipients/{a}/override", r).then().statusCode(200);
        List<JsonNode> all = statusEvents(probe, r, 2);
        assertThat(all.get(1).path("data").path("cause").asText()).isEqualTo("override");
        assertThat(all.get(1).path("data").path("toStatus").asText()).isEqualTo("ACTIVE");
        JsonNode standing = StageFixture.read(given().get("/api/v1/recipients/{a}", r).then().statusCode(200).extract().asString());
        JsonNode audit = standing.path("overrides").get(0);
        assertThat(audit.path("fromStatus").asText()).isEqualTo("SUNSET");
        assertThat(audit.path("toStatus").asText()).isEqualTo("ACTIVE");
        assertThat(audit.path("actor").asText()).isEqualTo("ops@example.org");
        assertThat(audit.path("reason").asText()).isEqualTo("customer asked by phone");
        assertThat(standing.path("streams").get(0).path("pinnedUntil").asText()).isEqualTo(pin.toString());
        assertThat(all.get(1).path("id").asText()).as("the event names its audit row")
                .isEqualTo(auditId(r));

        at(Duration.ofDays(210)); // pinned: the evaluation leaves it alone
        assertThat(outboxRows(r)).isEqualTo(2);
        assertThat(maySend(r, "marketing").path("reason").asText()).contains("override by ops@example.org");

        at(Duration.ofDays(235)); // past the pin: the policy applies again
        assertThat(statusEvents(probe, r, 3).get(2).path("data").path("toStatus").asText()).isEqualTo("SUNSET");

        given().contentType(ContentType.JSON).body(Map.of("stream", "marketing", "status", "GONE", "reason", "x", "actor", "y"))
                .post("/api/v1/recipients/{a}/override", r).then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/recipients/{a}", recipient("nobody")).then().statusCode(404).contentType("application/problem+json");
    }

    /** A recipient mailed {@code sends} times in marketing just before t0, who never engaged. */
    private String silentRecipient(String prefix, int sends) {
        String r = recipient(prefix);
        record(events(r, "marketing", "sent", sends, t0));
        return r;
    }

    /** Sets the clock to {@code d} after t0 and runs an evaluation. */
    private void at(Duration d) {
        clock.set(t0.plus(d));
        evaluate();
    }

    /** The one status-change event of {@code r} so far, checked for its from and to status. */
    private JsonNode single(String r, String from, String to) {
        List<JsonNode> all = statusEvents(probe, r, 1);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("data").path("fromStatus").asText()).isEqualTo(from);
        assertThat(all.get(0).path("data").path("toStatus").asText()).isEqualTo(to);
        return all.get(0);
    }

    private String auditId(String r) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(id AS text) FROM status_override WHERE recipient = ?1").setParameter(1, r).getSingleResult().toString());
    }

    private long outboxRows(String r) {
        return count("SELECT count(*) FROM outbox_event WHERE event_key = ?1", r);
    }

    private long count(String sql, String param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, param)
                .getSingleResult()).longValue());
    }
}
