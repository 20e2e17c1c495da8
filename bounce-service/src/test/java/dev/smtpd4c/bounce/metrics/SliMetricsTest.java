package dev.smtpd4c.bounce.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two counters of the hard-bounce-rate SLI, as Prometheus scrapes them. */
@QuarkusTest
class SliMetricsTest {

    @Test
    void reportedSendsAndHardBouncesAreCountedPerDomain() throws Exception {
        given().contentType("application/json").body("{\"domain\":\"example.ne.jp\",\"stream\":\"marketing\",\"count\":40}")
                .post("/api/v1/sends").then().statusCode(202);
        double sentBefore = value(scrape(), "smtpd4c_messages_sent_total\\{domain=\"example.ne.jp\",stream=\"marketing\"}");
        given().contentType("application/json").body("{\"domain\":\"example.ne.jp\",\"stream\":\"marketing\",\"count\":60}")
                .post("/api/v1/sends").then().statusCode(202);
        String hard = "smtpd4c_bounces_total\\{domain=\"example.ne.jp\",reason=\"userunknown\",stream=\"none\",type=\"hard\"}";
        double hardBefore = value(scrape(), hard);

        byte[] mail;
        try (var in = getClass().getResourceAsStream("/bounces/postfix-userunknown.eml")) {
            mail = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("kijitora@example.co.jp", "metrics-" + UUID.randomUUID() + "@example.co.jp").getBytes(StandardCharsets.UTF_8);
        }
        given().contentType("message/rfc822").body(mail).post("/api/v1/bounces").then().statusCode(200);

        String after = scrape();
        assertThat(value(after, "smtpd4c_messages_sent_total\\{domain=\"example.ne.jp\",stream=\"marketing\"}") - sentBefore).isEqualTo(60.0);
        assertThat(value(after, hard) - hardBefore).isEqualTo(1.0);
        assertThat(value(after, "smtpd4c_suppressions_total\\{reason=\"hard-bounce\"}")).isPositive();

        given().contentType("application/json").body("{\"domain\":\"\",\"count\":0}").post("/api/v1/sends")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
