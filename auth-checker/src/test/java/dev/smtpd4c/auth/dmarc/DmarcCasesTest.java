package dev.smtpd4c.auth.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.spf.SpfResult;
import dev.smtpd4c.auth.spf.YamlZoneResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Our own DMARC case file (src/test/resources/dmarc/dmarc-cases.yml), one dynamic test per case. */
class DmarcCasesTest {

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        JsonNode doc;
        try (var in = getClass().getResourceAsStream("/dmarc/dmarc-cases.yml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        DmarcEvaluator dmarc = new DmarcEvaluator(new YamlZoneResolver(doc.get("zonedata")));
        List<DynamicTest> tests = new ArrayList<>();
        doc.get("cases").fields().forEachRemaining(e -> tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode c = e.getValue();
            SpfResult spf = c.has("spf") ? new SpfResult(result(c.get("spf").get(0)), c.get("spf").get(1).asText(),
                    null, null, 0, 0, "") : null;
            List<DkimSignatureResult> dkim = new ArrayList<>();
            c.path("dkim").forEach(s -> dkim.add(new DkimSignatureResult(s.get(1).asText(), result(s.get(0)), "s")));
            DmarcResult r = dmarc.evaluate(c.get("from").asText(), spf, dkim);
            JsonNode x = c.get("expect");
            assertEquals(result(x.get("result")), r.result(), r.problem());
            if (x.has("disposition")) {
                assertEquals(x.get("disposition").asText(), r.disposition().name().toLowerCase(Locale.ROOT));
                assertEquals(x.get("policy").asText(), r.policyDomain());
                assertEquals(x.get("org").asText(), r.organizationalDomain());
            }
        })));
        return tests.stream();
    }

    private static AuthResult result(JsonNode word) {
        return AuthResult.valueOf(word.asText().toUpperCase(Locale.ROOT));
    }
}
