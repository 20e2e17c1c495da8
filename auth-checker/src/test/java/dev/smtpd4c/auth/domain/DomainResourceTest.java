package dev.smtpd4c.auth.domain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.auth.dns.TestDnsServer;
import dev.smtpd4c.auth.support.Contracts;
import dev.smtpd4c.auth.support.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration and reports against the real Knot server, PostgreSQL and Kafka. */
@QuarkusTest
class DomainResourceTest {

    static final String TOPIC = "domain-auth-events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void components() {
        TestDnsServer.require();
        KafkaProbe.ensureTopic(TOPIC);
    }

    @Test
    void aCleanDomainIsRegisteredReportedGradedAAndItsCheckIsPublished() throws Exception {
        try (KafkaProbe events = KafkaProbe.open(TOPIC)) {
            given().contentType(ContentType.JSON).body("""
                    {"domain":"Shop.Test.","dkimSelectors":["mail"],"sendingIps":["198.51.100.10"],
                     "fromDomains":["shop.test"],"streams":["transactional"]}""")
                    .when().post("/api/v1/domains")
                    .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/domains/shop.test"))
                    .body("domain", equalTo("shop.test"));

            given().when().get("/api/v1/domains/shop.test/report").then().statusCode(200)
                    .body("grade", equalTo("A"))
                    .body("records.'fcrdns 198.51.100.10'", equalTo("out.shop.test"))
                    .body("requirements.findAll { it.status == 'FAIL' }.size()", equalTo(0))
                    .body("requirements.find { it.id == 'one-click-unsubscribe' }.status", equalTo("CHECKED_PER_MESSAGE"));

            given().when().get("/api/v1/domains/shop.test").then().statusCode(200)
                    .body("lastGrade", equalTo("A")).body("sendingIps", hasItem("198.51.100.10"));

            List<ConsumerRecord<String, String>> checked = events.await(r -> "shop.test".equals(r.key())
                    && r.value().contains("domain-auth.checked.v1") && r.value().contains("\"request\""), 1, Duration.ofSeconds(30));
            assertThat(checked).isNotEmpty();
            assertThat(Contracts.errors(checked.get(0).value())).isEmpty();
            assertThat(JSON.readTree(checked.get(0).value()).path("data").path("grade").asText()).isEqualTo("A");
        }
    }

    @Test
    void aSloppyDomainGetsFWithFindingsAPersonCanActOn() {
        given().contentType(ContentType.JSON).body("""
                {"domain":"sloppy.test","dkimSelectors":["small","old","beta"],"sendingIps":["198.51.100.20"],
                 "fromDomains":["sloppy.test"],"streams":["marketing"]}""")
                .when().post("/api/v1/domains").then().statusCode(201);

        given().when().get("/api/v1/domains/sloppy.test/report").then().statusCode(200)
                .body("grade", equalTo("F"))
                .body("findings.code", hasItems("spf.pass-all", "dmarc.policy-none", "mx.cname", "mx.ip-literal",
                        "dkim.key-revoked", "dkim.key-under-2048", "fcrdns.not-confirmed", "mta-sts.invalid-id",
                        "tls-rpt.no-rua", "bimi.dmarc-not-enforced"))
                .body("findings[0].severity", equalTo("ERROR"))
                .body("requirements.findAll { it.status == 'FAIL' }.id", hasItems("spf", "fcrdns"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        given().contentType(ContentType.JSON).body("""
                {"domain":"bad-ip.test","sendingIps":["198.51.100.300"]}""")
                .when().post("/api/v1/domains").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-registration"))
                .body("detail", org.hamcrest.Matchers.containsString("198.51.100.300"));
        given().when().get("/api/v1/domains/bad-ip.test").then().statusCode(404)
                .body("type", equalTo("https://smtpd4c.dev/problems/domain-not-registered"));
        given().contentType(ContentType.JSON).body("{\"domain\":\"no_underscores.test\"}")
                .when().post("/api/v1/domains").then().statusCode(400)
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-registration"));
        // Only the status: Quarkus REST answers unreadable JSON before ProblemMappers sees it (no problem body).
        given().contentType(ContentType.JSON).body("{\"domain\": [")
                .when().post("/api/v1/domains").then().statusCode(400);
        given().when().get("/api/v1/domains/unknown.test/report").then().statusCode(404);
    }

    @Test
    void registeringTwiceIsAConflictAndDeleteRemovesTheDomain() {
        String body = "{\"domain\":\"nullmx.test\",\"dkimSelectors\":[],\"sendingIps\":[],\"fromDomains\":[],\"streams\":[]}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/domains").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/domains").then().statusCode(409)
                .body("type", equalTo("https://smtpd4c.dev/problems/domain-already-registered"));
        given().when().get("/api/v1/domains/nullmx.test/report").then().statusCode(200)
                .body("findings.code", hasItem("mx.null"));
        given().when().delete("/api/v1/domains/nullmx.test").then().statusCode(204);
        given().when().get("/api/v1/domains/nullmx.test").then().statusCode(404);
    }

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
