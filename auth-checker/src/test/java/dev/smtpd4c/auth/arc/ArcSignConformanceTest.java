package dev.smtpd4c.auth.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smtpd4c.auth.dkim.InMemoryDns;
import dev.smtpd4c.auth.dkim.PrivateKeys;
import dev.smtpd4c.auth.dkim.TagList;
import dev.smtpd4c.auth.dkim.TestResources;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ValiMail's ARC signing suite (17 cases): seal each message with the suite's key, selector
 * and fixed timestamp, then compare the three new fields with the expected ones. AMS and AS
 * are compared tag by tag with whitespace removed (b= included, RSA PKCS#1 v1.5 signatures are
 * deterministic); the AAR with whitespace runs collapsed, since folding is free.
 */
class ArcSignConformanceTest {

    static final String SUITE = "conformance/arc-valimail/arc-draft-sign-tests.yml";

    @TestFactory
    Stream<DynamicNode> signingSuite() throws Exception {
        List<DynamicNode> scenarios = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs;
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(TestResources.bytes(SUITE))) {
            docs = it.readAll();
        }
        for (JsonNode scenario : docs) {
            InMemoryDns dns = new InMemoryDns();
            for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("txt-records").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> rec = it.next();
                dns.txt(rec.getKey(), rec.getValue().asText());
            }
            PrivateKey key = PrivateKeys.rsaFromPem(scenario.get("privatekey").asText());
            List<DynamicTest> cases = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = scenario.get("tests").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> test = it.next();
                JsonNode t = test.getValue();
                cases.add(DynamicTest.dynamicTest(test.getKey(), () -> check(scenario, t, dns, key)));
            }
            scenarios.add(DynamicContainer.dynamicContainer(scenario.get("description").asText(), cases.stream()));
        }
        return scenarios.stream();
    }

    private static void check(JsonNode scenario, JsonNode t, InMemoryDns dns, PrivateKey key) throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(t.get("t").asLong()), ZoneOffset.UTC);
        ArcSealer sealer = new ArcSealer(scenario.get("domain").asText(), scenario.get("sel").asText(), key,
                t.get("srv-id").asText(), Arrays.asList(t.get("sig-headers").asText().split(":")),
                new ArcValidator(dns, clock), clock);
        RawMessage message = TestResources.message(t.get("message").asText().getBytes(StandardCharsets.UTF_8));
        Optional<ArcSealer.ArcSetFields> fields = sealer.seal(message);
        if (t.get("AS").asText().isBlank()) {
            assertTrue(fields.isEmpty(), "no ARC set may be added");
            return;
        }
        ArcSealer.ArcSetFields f = fields.orElseThrow();
        assertEquals(collapse(t.get("AAR").asText()), collapse(f.authenticationResults().rawValue()), "AAR");
        assertEquals(tags(t.get("AMS").asText()), tags(f.messageSignature().rawValue()), "AMS");
        assertEquals(tags(t.get("AS").asText()), tags(f.seal().rawValue()), "AS");
        // And the sealed message validates.
        RawMessage sealed = message.prepend(f.authenticationResults()).prepend(f.messageSignature()).prepend(f.seal());
        ArcChainStatus expected = f.seal().rawValue().contains("cv=fail") ? ArcChainStatus.FAIL : ArcChainStatus.PASS;
        assertEquals(expected, new ArcValidator(dns, clock).validate(sealed).cv());
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static List<String> tags(String value) {
        TagList.Result r = TagList.parse(value);
        assertTrue(r instanceof TagList.Result.Ok, () -> "not a tag list: " + value);
        return ((TagList.Result.Ok) r).tags().tags().stream().map(tag -> tag.name() + "=" + tag.compactValue()).toList();
    }
}
