package dev.smtpd4c.sunset.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the stage and recovery tests do through the service's own REST API, and how they read its events. */
public final class StageFixture {

    public static final String STATUS_TOPIC = "recipient-status-events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageFixture() {}

    /** A fresh recipient, so a test only ever looks at its own rows and events. */
    public static String recipient(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.org";
    }

    public static Map<String, Object> event(String recipient, String stream, String type, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "recipient", recipient, "stream", stream, "type", type,
                "at", at.toString());
    }

    /** {@code n} events of one type, an hour apart, the last one hour before {@code before}. */
    public static List<Map<String, Object>> events(String recipient, String stream, String type, int n, Instant before) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            out.add(event(recipient, stream, type, before.minus(Duration.ofHours(i))));
        }
        return out;
    }

    public static void record(List<Map<String, Object>> batch) {
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/engagement").then().statusCode(202);
    }

    public static void evaluate() {
        given().post("/api/v1/evaluations").then().statusCode(200);
    }

    public static JsonNode maySend(String recipient, String stream) {
        return read(given().queryParam("stream", stream).get("/api/v1/recipients/{a}/may-send", recipient)
                .then().statusCode(200).extract().asString());
    }

    public static JsonNode reconfirmAtLogin(String recipient) {
        return read(given().get("/api/v1/recipients/{a}/reconfirm-at-login", recipient).then().statusCode(200).extract().asString());
    }

    /** The data of the status-change events of {@code recipient} the probe saw, after waiting for {@code count}. */
    public static List<JsonNode> statusEvents(KafkaProbe probe, String recipient, int count) {
        List<ConsumerRecord<String, String>> records = probe.await(r -> recipient.equals(r.key()), count, Duration.ofSeconds(30));
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode event = read(r.value());
            assertThat(event.path("type").asText()).isEqualTo("dev.smtpd4c.recipient.status-changed.v1");
            assertThat(event.path("subject").asText()).isEqualTo(recipient);
            out.add(event);
        }
        return out;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
