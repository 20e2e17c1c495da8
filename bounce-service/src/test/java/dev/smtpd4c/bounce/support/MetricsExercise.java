package dev.smtpd4c.bounce.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What this service must do before its metrics appear; MetricsCatalogueTest calls it. The SLI
 * counters carry per-domain labels, so they exist only once something was counted: report sends,
 * then ingest one hard bounce and one complaint (unique recipients, so they are not duplicates).
 */
final class MetricsExercise {

    private MetricsExercise() {}

    static void run() throws IOException {
        given().contentType("application/json").body("{\"domain\":\"example.ne.jp\",\"stream\":\"marketing\",\"count\":10}")
                .post("/api/v1/sends").then().statusCode(202);
        post("/bounces/postfix-userunknown.eml", "kijitora@example.co.jp");
        post("/bounces/yahoo-arf-abuse.eml", null);
    }

    private static void post(String resource, String recipient) throws IOException {
        String mail;
        try (InputStream in = MetricsExercise.class.getResourceAsStream(resource)) {
            mail = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // A unique marker makes each run's input new, so it is parsed and counted rather than deduplicated.
        mail = recipient == null ? mail + "\n" + UUID.randomUUID() + "\n"
                : mail.replace(recipient, "metrics-" + UUID.randomUUID() + "@example.co.jp");
        given().contentType("message/rfc822").body(mail.getBytes(StandardCharsets.UTF_8)).post("/api/v1/bounces")
                .then().statusCode(200);
    }
}
