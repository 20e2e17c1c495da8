package dev.smtpd4c.auth.spf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Turns an openspf YAML suite into one dynamic test per case, grouped by scenario. */
final class OpenSpfSuite {

    /** The explanation the suite expects when no exp= applies. */
    static final String DEFAULT_EXPLANATION = "DEFAULT";

    record Case(String scenario, String id, String helo, String host, String mailFrom, List<String> results,
            String explanation, JsonNode zonedata) {}

    private OpenSpfSuite() {}

    static List<Case> load(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = OpenSpfSuite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            var docs = yaml.readerFor(JsonNode.class).readValues(in);
            while (docs.hasNext()) {
                JsonNode scenario = (JsonNode) docs.next();
                if (scenario == null || scenario.isNull() || !scenario.has("tests")) {
                    continue;
                }
                String description = scenario.path("description").asText();
                scenario.get("tests").fields().forEachRemaining(t -> {
                    JsonNode c = t.getValue();
                    List<String> results = new ArrayList<>();
                    if (c.get("result").isArray()) {
                        c.get("result").forEach(r -> results.add(r.asText()));
                    } else {
                        results.add(c.get("result").asText());
                    }
                    cases.add(new Case(description, t.getKey(), c.path("helo").asText(), c.path("host").asText(),
                            c.path("mailfrom").asText(), results,
                            c.has("explanation") ? c.get("explanation").asText() : null,
                            scenario.get("zonedata")));
                });
            }
        }
        return cases;
    }

    static SpfResult run(Case c) {
        SpfEvaluator spf = new SpfEvaluator(new YamlZoneResolver(c.zonedata()),
                SpfOptions.defaults().withDefaultExplanation(DEFAULT_EXPLANATION));
        return spf.check(c.host(), c.mailFrom(), c.helo());
    }

    /** Passes when the result is one the suite accepts and the explanation (when given) matches. */
    static Executable check(Case c) {
        return () -> {
            SpfResult r = run(c);
            String word = r.result().word();
            assertTrue(c.results().contains(word),
                    c.id() + ": expected " + c.results() + " but got " + word + " (" + r.problem() + ")");
            if (c.explanation() != null) {
                assertEquals(c.explanation(), r.explanation(), c.id() + ": explanation");
            }
        };
    }

    /** Ids of cases whose result is accepted but is not the suite's first (preferred) choice. */
    static List<String> acceptedNotPreferred(List<Case> cases) {
        List<String> ids = new ArrayList<>();
        for (Case c : cases) {
            String word = run(c).result().word();
            if (c.results().contains(word) && !c.results().get(0).equals(word)) {
                ids.add(c.id() + " (" + word + " instead of " + c.results().get(0) + ")");
            }
        }
        return ids;
    }

    static Stream<DynamicNode> tests(List<Case> cases) {
        List<DynamicNode> nodes = new ArrayList<>();
        String current = null;
        List<DynamicTest> group = new ArrayList<>();
        for (Case c : cases) {
            if (!c.scenario().equals(current)) {
                if (current != null) {
                    nodes.add(DynamicContainer.dynamicContainer(current, List.copyOf(group)));
                }
                current = c.scenario();
                group.clear();
            }
            group.add(DynamicTest.dynamicTest(c.id(), check(c)));
        }
        if (current != null) {
            nodes.add(DynamicContainer.dynamicContainer(current, List.copyOf(group)));
        }
        return nodes.stream();
    }
}
