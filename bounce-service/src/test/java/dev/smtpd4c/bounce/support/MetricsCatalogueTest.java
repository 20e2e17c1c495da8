package dev.smtpd4c.bounce.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alerts and dashboards read (observability/metrics.yaml) that this service is
 * listed as exposing is on its /q/metrics, with the labels the rules group by — so a renamed meter
 * breaks this test instead of silently blinding an alert.
 */
@QuarkusTest
class MetricsCatalogueTest {

    private static final Pattern ENTRY = Pattern.compile(
            "\\{name: ([a-z0-9_:]+), service: ([a-z-]+), type: ([a-z]+), labels: \\[([a-z0-9_, ]*)]");

    record Entry(String name, String service, String type, List<String> labels) {}

    @Test
    void everyMetricTheRulesReadIsExposed() throws IOException {
        String module = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        MetricsExercise.run();
        given().get("/api/v1/no-such-endpoint"); // one application request, so the HTTP server meter exists
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();

        List<Entry> mine = catalogue().stream()
                .filter(e -> e.service().equals("all") || e.service().equals(module)).toList();
        assertThat(mine).as("metrics.yaml lists metrics for %s", module).isNotEmpty();
        for (Entry e : mine) {
            String series = switch (e.type()) {
                case "histogram" -> e.name() + "_bucket";
                case "timer" -> e.name() + "_count";
                default -> e.name();
            };
            List<String> lines = scrape.lines().filter(l -> l.startsWith(series + "{") || l.startsWith(series + " ")).toList();
            assertThat(lines).as("%s (%s) on /q/metrics of %s", series, e.type(), module).isNotEmpty();
            for (String label : e.labels()) {
                assertThat(lines).as("label %s of %s", label, series).anyMatch(l -> l.contains(label + "=\""));
            }
        }
    }

    private static List<Entry> catalogue() throws IOException {
        try (InputStream in = MetricsCatalogueTest.class.getResourceAsStream("/observability/metrics.yaml")) {
            assertThat(in).as("observability/metrics.yaml on the test class path").isNotNull();
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Entry> out = new ArrayList<>();
            Matcher m = ENTRY.matcher(yaml);
            while (m.find()) {
                List<String> labels = m.group(4).isBlank() ? List.of()
                        : Arrays.stream(m.group(4).split(",")).map(String::strip).toList();
                out.add(new Entry(m.group(1), m.group(2), m.group(3), labels));
            }
            // Every entry line must have been read, or an unreadable entry would go unchecked.
            assertThat(out).hasSize((int) yaml.lines().filter(l -> l.stripLeading().startsWith("- {name:")).count());
            return out;
        }
    }
}
