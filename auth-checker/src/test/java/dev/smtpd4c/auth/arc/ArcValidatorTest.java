package dev.smtpd4c.auth.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpd4c.auth.dkim.InMemoryDns;
import dev.smtpd4c.auth.dkim.TestResources;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArcValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    private static final String DUMMY = "dummy._domainkey.example.org";

    private static JsonNode suiteCase(String name) throws Exception {
        for (JsonNode scenario : ArcValidationConformanceTest.scenarios()) {
            if (scenario.get("tests").has(name)) {
                return scenario;
            }
        }
        throw new AssertionError(name);
    }

    private static ArcResult validate(String name, InMemoryDns dns) throws Exception {
        String msg = suiteCase(name).get("tests").get(name).get("message").asText();
        return new ArcValidator(dns, CLOCK).validate(TestResources.message(msg.getBytes(StandardCharsets.UTF_8)));
    }

    private static InMemoryDns dummyKey(String name) throws Exception {
        return new InMemoryDns().txt(DUMMY, suiteCase(name).get("txt-records").get(DUMMY).asText());
    }

    @Test
    void oldestPassStopsAtTheFirstBrokenAms() throws Exception {
        ArcResult intact = validate("cv_pass_i3_1", dummyKey("cv_pass_i3_1"));
        assertEquals(ArcChainStatus.PASS, intact.cv());
        assertEquals(3, intact.instances());
        assertEquals(1, intact.oldestPass());
        assertEquals("example.org", intact.sealerDomain());
        ArcResult modified = validate("cv_pass_i2_1_ams1_invalid", dummyKey("cv_pass_i2_1_ams1_invalid"));
        assertEquals(ArcChainStatus.PASS, modified.cv());
        assertEquals(2, modified.oldestPass());
    }

    @Test
    void dnsFailureIsAFailWithATemperrorReason() throws Exception {
        ArcResult r = validate("cv_pass_i1_1", new InMemoryDns().tempfail(DUMMY));
        assertEquals(ArcChainStatus.FAIL, r.cv());
        assertTrue(r.reason().contains("temperror"), r.reason());
    }

    @Test
    void ourOwnSealsChainAndBreakOnTampering() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        InMemoryDns dns = new InMemoryDns().txt("arc._domainkey.relay.example",
                "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        ArcValidator validator = new ArcValidator(dns, CLOCK);
        ArcSealer sealer = new ArcSealer("relay.example", "arc", pair.getPrivate(), "mx.relay.example",
                List.of("from", "to", "subject", "date"), validator, CLOCK);
        RawMessage m = TestResources.message(("Authentication-Results: mx.relay.example; dkim=pass header.d=example.com\r\n"
                + "From: a@example.com\r\nTo: list@relay.example\r\nSubject: hi\r\nDate: Sat, 28 Nov 2026 00:00:00 +0000\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        RawMessage once = add(m, sealer.seal(m).orElseThrow());
        RawMessage twice = add(once, sealer.seal(once).orElseThrow());
        ArcResult r = validator.validate(twice);
        assertEquals(ArcChainStatus.PASS, r.cv(), r.reason());
        assertEquals(2, r.instances());

        RawMessage tampered = new RawMessage(twice.headers(), "changed\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ArcChainStatus.FAIL, validator.validate(tampered).cv());
        ArcSealer.ArcSetFields third = sealer.seal(tampered).orElseThrow();
        assertTrue(third.seal().rawValue().contains("cv=fail"), third.seal().rawValue());
        RawMessage failed = add(tampered, third);
        assertEquals(ArcChainStatus.FAIL, validator.validate(failed).cv());
        assertTrue(sealer.seal(failed).isEmpty(), "no set is added after cv=fail");
    }

    @Test
    void eachKeyIsLookedUpOncePerMessage() throws Exception {
        InMemoryDns counting = dummyKey("cv_pass_i5_1");
        String msg = suiteCase("cv_pass_i5_1").get("tests").get("cv_pass_i5_1").get("message").asText();
        ArcResult r = new ArcValidator(counting, CLOCK).validate(TestResources.message(msg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ArcChainStatus.PASS, r.cv());
        assertEquals(1, counting.txtQueries());
    }

    @Test
    void sealerNeverReusesTheInstanceOfAnUnreadableSet() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        InMemoryDns dns = new InMemoryDns();
        ArcSealer sealer = new ArcSealer("relay.example", "arc", pair.getPrivate(), "mx.relay.example",
                List.of("from"), new ArcValidator(dns, CLOCK), CLOCK);
        RawMessage m = TestResources.message(("ARC-Message-Signature: i=1; a=rsa-sha256; garbage\r\n"
                + "ARC-Seal: i=1; cv=none\r\nFrom: a@example.com\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII));
        ArcSealer.ArcSetFields f = sealer.seal(m).orElseThrow();
        assertTrue(f.seal().rawValue().contains("cv=fail; d=relay.example; i=2;"), f.seal().rawValue());
    }

    private static RawMessage add(RawMessage m, ArcSealer.ArcSetFields f) {
        return m.prepend(f.authenticationResults()).prepend(f.messageSignature()).prepend(f.seal());
    }

    @Test
    void aarInstanceMustLead() {
        assertEquals(3, AarInstance.parse(" i=3; mx.example; spf=pass"));
        assertEquals(12, AarInstance.parse("i = 12 ;x"));
        assertEquals(-1, AarInstance.parse(" mx.example; i=1;"));
        assertEquals(-1, AarInstance.parse(" i=1 mx.example;"));
        assertEquals(-1, AarInstance.parse(" i=123;"));
        assertEquals(-1, AarInstance.parse(""));
    }
}
