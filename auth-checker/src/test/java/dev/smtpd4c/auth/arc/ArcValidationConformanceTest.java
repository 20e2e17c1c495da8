package dev.smtpd4c.auth.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smtpd4c.auth.dkim.InMemoryDns;
import dev.smtpd4c.auth.dkim.TestResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ValiMail's ARC validation suite (171 cases), one dynamic test per case, each scenario's
 * txt-records served from memory.
 *
 * <p>Three cases (cv_fail_i1_as_cv_fail, cv_fail_i2_as2_fail, cv_fail_i2_as1_fail) have an
 * empty expected cv: the suite defines no result for a chain that contains cv=fail. RFC 8617
 * 5.2 step 2 (and the cv rules of step 3) make such a chain "fail", so that is what we return
 * and assert for them. dkimpy raises an exception on the same three.
 */
class ArcValidationConformanceTest {

    static final String SUITE = "conformance/arc-valimail/arc-draft-validation-tests.yml";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicNode> validationSuite() throws IOException {
        List<DynamicNode> scenarios = new ArrayList<>();
        for (JsonNode scenario : scenarios()) {
            InMemoryDns dns = new InMemoryDns();
            for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("txt-records").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> rec = it.next();
                dns.txt(rec.getKey(), rec.getValue().asText());
            }
            ArcValidator validator = new ArcValidator(dns, CLOCK);
            List<DynamicTest> cases = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("tests").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> test = it.next();
                String expected = test.getValue().get("cv").asText().strip().toLowerCase(Locale.ROOT);
                String message = test.getValue().get("message").asText();
                cases.add(DynamicTest.dynamicTest(test.getKey() + " expects " + (expected.isEmpty() ? "(empty)" : expected),
                        () -> check(validator, message, expected)));
            }
            scenarios.add(DynamicContainer.dynamicContainer(scenario.get("description").asText(), cases.stream()));
        }
        return scenarios.stream();
    }

    private static void check(ArcValidator validator, String message, String expected) {
        ArcResult result = validator.validate(TestResources.message(message.getBytes(StandardCharsets.UTF_8)));
        String want = expected.isEmpty() ? "fail" : expected;
        assertEquals(want, result.cv().token(), () -> "reason: " + result.reason());
    }

    static List<JsonNode> scenarios() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class)
                .readValues(TestResources.bytes(SUITE))) {
            return docs.readAll();
        }
    }
}
