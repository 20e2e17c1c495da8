package dev.smtpd4c.auth.sender;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.smtpd4c.auth.dmarcreport.DmarcReports;
import dev.smtpd4c.auth.dns.TestDnsServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sender observations through all three doors (verify with a stream, MTA batches, DMARC aggregate
 * reports) into the real PostgreSQL, read back with GET /senders; hostile uploads store nothing.
 * observed.test is registered with From domains observed.test and news.observed.test, one IP and
 * the stream observed-news; it has no zone, which the checks here do not need.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class SenderObservationTest {

    private static final String DOMAIN = "observed.test";

    @BeforeEach
    void register() {
        TestDnsServer.require();
        given().contentType(ContentType.JSON).body("""
                {"domain":"observed.test","dkimSelectors":[],"sendingIps":["192.0.2.10"],
                 "fromDomains":["news.observed.test"],"streams":["observed-news"]}""")
                .when().post("/api/v1/domains").then().statusCode(anyOf(is(201), is(409)));
    }

    private static List<Map<String, Object>> senders() {
        return given().when().get("/api/v1/domains/" + DOMAIN + "/senders").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static Map<String, Object> row(String stream, String from, String ip) {
        return senders().stream().filter(r -> java.util.Objects.equals(r.get("stream"), stream)
                && from.equals(r.get("fromDomain")) && ip.equals(r.get("ip"))).findFirst().orElse(null);
    }

    @Test
    void aVerifiedMessageWithAStreamIsRecordedAndAnUnregisteredIpIsMarked() {
        byte[] message = ("From: News <news@observed.test>\r\nTo: a@example.org\r\nSubject: hi\r\n"
                + "Message-ID: <1@observed.test>\r\n\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2; i++) {
            given().contentType("message/rfc822").body(message).header("X-Stream", "observed-news")
                    .queryParam("ip", "203.0.113.77").queryParam("helo", "rogue.example")
                    .queryParam("mailFrom", "b@observed.test")
                    .when().post("/api/v1/verify").then().statusCode(200).body("fromDomain", equalTo(DOMAIN));
        }
        Map<String, Object> seen = row("observed-news", DOMAIN, "203.0.113.77");
        assertThat(seen).isNotNull();
        assertThat(((Number) seen.get("messages")).longValue()).isEqualTo(2);
        assertThat(seen.get("lastSource")).isEqualTo("verify");
        assertThat(seen.get("registered")).isEqualTo(false);
        assertThat((List<Object>) seen.get("unexpected")).containsExactly("IP");

        // Without a stream, verify stays a pure check and stores nothing.
        given().contentType("message/rfc822").body(message).queryParam("ip", "203.0.113.78").queryParam("helo", "x.example")
                .when().post("/api/v1/verify").then().statusCode(200);
        assertThat(row("observed-news", DOMAIN, "203.0.113.78")).isNull();
        assertThat(senders()).noneMatch(r -> "203.0.113.78".equals(r.get("ip")));

        given().contentType("message/rfc822").body(message).queryParam("stream", "Not A Stream")
                .queryParam("ip", "203.0.113.77").queryParam("helo", "x.example")
                .when().post("/api/v1/verify").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-observation"));
    }

    @Test
    void mtaBatchesAreCountedAndOnlyRegisteredDomainsKeepThem() {
        JsonPath result = given().contentType(ContentType.JSON).body("""
                {"observations":[
                  {"stream":"observed-news","fromDomain":"News.Observed.Test.","ip":"192.0.2.10","messages":40},
                  {"stream":"observed-news","fromDomain":"promo.observed.test","ip":"::ffff:192.0.2.10","seenAt":"2026-11-01T10:00:00Z"},
                  {"stream":"observed-news","fromDomain":"news.observed.test","ip":"192.0.2.10","messages":2},
                  {"fromDomain":"unrelated.example","ip":"192.0.2.99"}]}""")
                .when().post("/api/v1/observations").then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("recorded")).isEqualTo(3);
        assertThat(result.getInt("ignored")).isEqualTo(1);

        Map<String, Object> news = row("observed-news", "news.observed.test", "192.0.2.10");
        assertThat(((Number) news.get("messages")).longValue()).isEqualTo(42);
        assertThat(news.get("registered")).isEqualTo(true);
        Map<String, Object> promo = row("observed-news", "promo.observed.test", "192.0.2.10");
        assertThat((List<Object>) promo.get("unexpected")).containsExactly("FROM_DOMAIN");
        assertThat(promo.get("firstSeen")).asString().startsWith("2026-11-01T10:00");
    }

    @Test
    void aBadBatchIsAProblemAndStoresNothing() {
        int before = senders().size();
        given().contentType(ContentType.JSON).body("""
                {"observations":[{"stream":"observed-news","fromDomain":"observed.test","ip":"192.0.2.55"},
                                 {"stream":"observed-news","fromDomain":"observed.test","ip":"999.1.1.1"}]}""")
                .when().post("/api/v1/observations").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-observation"))
                .body("detail", startsWith("observations[1].ip '999.1.1.1'"));
        given().contentType(ContentType.JSON).body("{\"observations\":[{\"fromDomain\":\"observed.test\",\"ip\":\"192.0.2.5\","
                + "\"seenAt\":\"" + Instant.now().plusSeconds(86400) + "\"}]}")
                .when().post("/api/v1/observations").then().statusCode(400).body("detail", startsWith("observations[0].seenAt"));
        given().contentType(ContentType.JSON).body("{\"observations\":[{\"fromDomain\":")
                .when().post("/api/v1/observations").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/malformed-json"));
        given().contentType(ContentType.JSON).body("{\"observations\":[{\"fromDomain\":\"observed.test\",\"ip\":\"192.0.2.5\","
                + "\"messages\":\"many\"}]}")
                .when().post("/api/v1/observations").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/malformed-json"));
        given().contentType(ContentType.JSON).body("{\"observations\":[]}")
                .when().post("/api/v1/observations").then().statusCode(400);
        assertThat(senders()).hasSize(before).noneMatch(r -> "192.0.2.55".equals(r.get("ip")));
    }

    @Test
    void dmarcReportsFeedObservationsOnceWithTheirCounts() {
        long end = Instant.now().getEpochSecond() - 3600;
        byte[] report = DmarcReports.bytes(DmarcReports.xml("mail.example", "rep-" + end, DOMAIN, end - 86400, end,
                "198.51.100.201,17,observed.test", "198.51.100.201,3,news.observed.test",
                "192.0.2.10,5,observed.test", "198.51.100.202,9,victim.example"));
        for (byte[] upload : List.of(DmarcReports.gzip(report), DmarcReports.zip("r.xml", report))) {
            // The same report gzip'd and then zipped: the second is recognised by reporter and id.
            boolean first = upload[0] == 0x1f;
            given().contentType(first ? "application/gzip" : "application/zip").body(upload)
                    .when().post("/api/v1/dmarc-reports").then().statusCode(200)
                    .body("policyDomain", equalTo(DOMAIN)).body("records", equalTo(4))
                    .body("recorded", equalTo(first ? 3 : 0)).body("ignored", equalTo(first ? 1 : 0))
                    .body("duplicate", equalTo(!first));
        }
        Map<String, Object> rogue = row(null, DOMAIN, "198.51.100.201");
        assertThat(((Number) rogue.get("messages")).longValue()).isEqualTo(17);
        assertThat(rogue.get("lastSource")).isEqualTo("dmarc-report");
        assertThat((List<Object>) rogue.get("unexpected")).containsExactly("IP");
        assertThat(rogue.get("lastSeen")).asString().startsWith(Instant.ofEpochSecond(end).toString().substring(0, 16));
        assertThat(senders()).noneMatch(r -> "198.51.100.202".equals(r.get("ip")));
    }

    @Test
    void forgedMalformedAndOversizedReportsAreProblemsAndStoreNothing() {
        int before = senders().size();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feedback [<!ENTITY x SYSTEM "file:///etc/hostname">]>
                <feedback><report_metadata><org_name>&x;</org_name><report_id>1</report_id></report_metadata></feedback>""";
        given().contentType(ContentType.XML).body(xxe).when().post("/api/v1/dmarc-reports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-dmarc-report"));
        // A report whose every row claims another domain than its policy domain adds nothing.
        byte[] forged = DmarcReports.bytes(DmarcReports.xml("forger.example", "f-1", "forger.example", 1764288000L,
                1764374399L, "198.51.100.203,1000,observed.test"));
        given().contentType(ContentType.XML).body(forged).when().post("/api/v1/dmarc-reports").then().statusCode(200)
                .body("recorded", equalTo(0)).body("ignored", equalTo(1));
        given().contentType("application/gzip").body(DmarcReports.gzipBomb(64L << 20))
                .when().post("/api/v1/dmarc-reports").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/report-too-large"));
        given().contentType(ContentType.XML).body("<feedback><report_metadata>".getBytes(StandardCharsets.US_ASCII))
                .when().post("/api/v1/dmarc-reports").then().statusCode(400)
                .body("detail", startsWith("the XML is not well-formed"));
        given().contentType("application/zip").body(new byte[] {'P', 'K', 3, 4, 0, 0, 0})
                .when().post("/api/v1/dmarc-reports").then().statusCode(400).contentType("application/problem+json");
        assertThat(senders()).hasSize(before).noneMatch(r -> "198.51.100.203".equals(r.get("ip")));
    }

    @Test
    void uploadsOverTheConfiguredLimitAreA413Problem() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        given().contentType(ContentType.XML).body(big).when().post("/api/v1/dmarc-reports").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/report-too-large"));
        given().contentType("message/rfc822").body(big).queryParam("ip", "192.0.2.1").queryParam("helo", "x.example")
                .when().post("/api/v1/verify").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/message-too-large"));
    }

    @Test
    void sendersOfAnUnregisteredDomainAreA404Problem() {
        given().when().get("/api/v1/domains/never-registered.test/senders").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/domain-not-registered"));
    }
}
