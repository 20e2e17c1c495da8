package dev.smtpd4c.bounce.suppression;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.bounce.support.Contracts;
import dev.smtpd4c.bounce.support.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The suppression list over REST: add, look up, list, lift; every change audited and announced once. */
@QuarkusTest
class SuppressionResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void manualAddIsIdempotentLookupExplainsAndLiftIsAuditedAndAnnounced() throws Exception {
        String address = "manual-" + UUID.randomUUID() + "@Example.ORG";
        String normalised = address.substring(0, address.indexOf('@')) + "@example.org";
        String body = "{\"address\":\"" + address + "\",\"scope\":\"stream:marketing\",\"actor\":\"ops:jane\",\"reason\":\"asked by phone\"}";
        try (KafkaProbe probe = KafkaProbe.open("suppression-events.v1")) {
            given().contentType("application/json").body(body).post("/api/v1/suppressions")
                    .then().statusCode(201).body("address", equalTo(normalised)).body("reason", equalTo("manual"));
            given().contentType("application/json").body(body).post("/api/v1/suppressions")
                    .then().statusCode(200).body("suppressed", equalTo(true));

            given().get("/api/v1/suppressions/" + address).then().statusCode(200)
                    .body("suppressed", equalTo(true)).body("scopes", hasSize(1))
                    .body("scopes[0].scope", equalTo("stream:marketing")).body("scopes[0].actor", equalTo("ops:jane"))
                    .body("scopes[0].detail", equalTo("asked by phone"));

            given().queryParam("scope", "global").queryParam("actor", "ops:jane").queryParam("reason", "wrong scope")
                    .delete("/api/v1/suppressions/" + address)
                    .then().statusCode(404).contentType("application/problem+json");
            given().queryParam("scope", "stream:marketing").delete("/api/v1/suppressions/" + address)
                    .then().statusCode(400).body("type", equalTo("https://smtpd4c.dev/problems/missing-actor"));
            given().queryParam("scope", "stream:marketing").queryParam("actor", "ops:joe").queryParam("reason", "customer asked again")
                    .delete("/api/v1/suppressions/" + address).then().statusCode(200);

            given().get("/api/v1/suppressions/" + normalised).then().statusCode(200)
                    .body("suppressed", equalTo(false))
                    .body("history.action", contains("added", "lifted"))
                    .body("history.actor", contains("ops:jane", "ops:joe"));

            // One event per change: the repeated add announced nothing.
            List<ConsumerRecord<String, String>> events = probe.await(r -> normalised.equals(r.key()), 3, Duration.ofSeconds(15));
            assertThat(events).hasSize(2);
            for (ConsumerRecord<String, String> e : events) {
                assertThat(Contracts.errors(e.value())).isEmpty();
            }
            JsonNode lifted = JSON.readTree(events.get(1).value());
            assertThat(lifted.path("type").asText()).isEqualTo("dev.smtpd4c.suppression.lifted.v1");
            assertThat(lifted.path("data").path("actor").asText()).isEqualTo("ops:joe");
        }
        // The audit trail cannot be rewritten, not even by the service's own database user.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE suppression_audit SET actor = 'nobody' WHERE address = ?1")
                        .setParameter(1, normalised).executeUpdate())).hasStackTraceContaining("append-only");
    }

    @Test
    void listPagesByKeysetAndFiltersByScope() {
        String scope = "stream:paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json")
                    .body("{\"address\":\"page" + i + "-" + UUID.randomUUID() + "@example.org\",\"scope\":\"" + scope
                            + "\",\"actor\":\"test\",\"reason\":\"paging\"}")
                    .post("/api/v1/suppressions").then().statusCode(201);
        }
        JsonNode first = page(scope, 0, 3);
        assertThat(first.path("items")).hasSize(3);
        JsonNode second = page(scope, first.path("next").asLong(), 3);
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(second.path("items").get(0).path("id").asLong()).isGreaterThan(first.path("next").asLong());
        given().queryParam("limit", 0).get("/api/v1/suppressions").then().statusCode(400);
    }

    @Test
    void invalidAddressOrScopeIsAProblemAndChangesNothing() {
        given().contentType("application/json").body("{\"address\":\"not an address\",\"actor\":\"a\",\"reason\":\"r\"}")
                .post("/api/v1/suppressions").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-address"));
        given().contentType("application/json").body("{\"address\":\"ok@example.org\",\"scope\":\"everything\",\"actor\":\"a\",\"reason\":\"r\"}")
                .post("/api/v1/suppressions").then().statusCode(400)
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-scope"));
        given().get("/api/v1/suppressions/ok@example.org").then().statusCode(200).body("suppressed", equalTo(false));
    }

    private static JsonNode page(String scope, long after, int limit) {
        try {
            return JSON.readTree(given().queryParam("scope", scope).queryParam("after", after).queryParam("limit", limit)
                    .get("/api/v1/suppressions").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
