package dev.smtpd4c.sunset.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What this service must do before its metrics appear; MetricsCatalogueTest calls it. */
final class MetricsExercise {

    private MetricsExercise() {}

    static void run() {
        // The complaint-rate gauges exist per sending domain and stream once the monitor judged one.
        given().contentType(ContentType.JSON).body(List.of(Map.of("id", UUID.randomUUID().toString(),
                "recipient", "metrics@example.org", "stream", "marketing", "type", "sent",
                "at", Instant.now().minusSeconds(60).toString(), "sendingDomain", "metrics.sender.example")))
                .post("/api/v1/engagement").then().statusCode(202);
        given().post("/api/v1/complaint-rates").then().statusCode(200);
    }
}
