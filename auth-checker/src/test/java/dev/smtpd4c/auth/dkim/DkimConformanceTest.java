package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.RawMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The DKIM vectors of ../shared/conformance/dkim-vectors (RFC 8463 Appendix A, dkimpy's test
 * data, real Gmail and Exim signatures), keys served from the suites' own DNS data.
 */
class DkimConformanceTest {

    static final String DIR = "conformance/dkim-vectors/";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> vectors() {
        return Stream.of(
                dynamicTest("rfc8463 signed.eml: ed25519-sha256 and rsa-sha256 both pass", this::rfc8463),
                dynamicTest("dkimpy rfc6376.signed.msg: simple/simple ed25519 + rsa both pass", this::rfc6376Signed),
                dynamicTest("dkimpy test2.message: real Gmail signature passes", this::gmail),
                dynamicTest("dkimpy ed25519test2.msg: Exim ed25519 signature passes", this::exim),
                dynamicTest("dkimpy test.message signed with test.private verifies with test.txt", () -> signRsa("test")),
                dynamicTest("dkimpy test.message signed with test2.private verifies with test2.txt (no k=)", () -> signRsa("test2")),
                dynamicTest("dkimpy badversion.txt (v=DKIM1:) is a permerror", () -> badKey("badversion.txt", AuthResult.PERMERROR)),
                dynamicTest("dkimpy badk.txt (k=ed25519-sha256) is a permerror", () -> badKey("badk.txt", AuthResult.PERMERROR)),
                dynamicTest("dkimpy test_bad.txt (damaged p=) is a permerror", () -> badKey("test_bad.txt", AuthResult.PERMERROR)),
                dynamicTest("dkimpy test_tlsrpt.txt (s=tlsrpt) is not usable for mail", () -> badKey("test_tlsrpt.txt", AuthResult.PERMERROR)),
                dynamicTest("dkimpy ed25519test.msg signed with ed25519test.key verifies with and without v=", this::ed25519RoundTrip),
                dynamicTest("dkimpy rfc6376.msg signed with rfc8032_7_1.key verifies against the RFC 8463 key", this::rfc6376Sign),
                dynamicTest("dkimpy test_extra.message (repeated Received) round-trips", this::extraReceived),
                dynamicTest("dkimpy test_nofrom.message: signing is refused", this::noFrom),
                dynamicTest("dkimpy message.mbox: parses, canonicalises, key offline is a permerror", this::mbox));
    }

    private void rfc8463() throws IOException {
        List<DkimResult> results = verifier(rfc8463Dns()).verify(TestResources.message(DIR + "rfc8463/signed.eml"));
        assertEquals(2, results.size());
        assertPass(results.get(0), "ed25519-sha256", 256);
        assertPass(results.get(1), "rsa-sha256", 1024);
        assertTrue(results.get(1).warnings().contains(DkimWarning.RSA_KEY_UNDER_2048));
        assertEquals("football.example.com", results.get(0).domain());
        assertEquals("brisbane", results.get(0).selector());
    }

    private void rfc6376Signed() throws IOException {
        List<DkimResult> results = verifier(rfc8463Dns()).verify(TestResources.message(DIR + "dkimpy/rfc6376.signed.msg"));
        assertEquals(2, results.size());
        assertPass(results.get(0), "ed25519-sha256", 256);
        assertPass(results.get(1), "rsa-sha256", 1024);
    }

    private void gmail() {
        List<DkimResult> results = verifier(zone()).verify(TestResources.message(DIR + "dkimpy/test2.message"));
        assertEquals(1, results.size());
        assertPass(results.get(0), "rsa-sha256", 2048);
        assertEquals("gmail.com", results.get(0).domain());
    }

    private void exim() {
        List<DkimResult> results = verifier(zone()).verify(TestResources.message(DIR + "dkimpy/ed25519test2.msg"));
        assertEquals(1, results.size());
        assertPass(results.get(0), "ed25519-sha256", 256);
    }

    private void signRsa(String name) throws Exception {
        InMemoryDns dns = new InMemoryDns().txt("test._domainkey.example.com", TestResources.text(DIR + "dkimpy/" + name + ".txt").strip());
        RawMessage signed = sign(TestResources.message(DIR + "dkimpy/test.message"), rsaKey(name + ".private"),
                DkimAlgorithm.RSA_SHA256, "example.com", "test");
        assertPass(verifier(dns).verify(signed).get(0), "rsa-sha256", 1024);
    }

    private void badKey(String keyFile, AuthResult expected) throws Exception {
        InMemoryDns dns = new InMemoryDns().txt("test._domainkey.example.com", TestResources.text(DIR + "dkimpy/" + keyFile).strip());
        RawMessage signed = sign(TestResources.message(DIR + "dkimpy/test.message"), rsaKey("test.private"),
                DkimAlgorithm.RSA_SHA256, "example.com", "test");
        DkimResult r = verifier(dns).verify(signed).get(0);
        assertEquals(expected, r.result(), r.reason());
    }

    private void ed25519RoundTrip() throws Exception {
        PrivateKey key = PrivateKeys.ed25519FromSeed(TestResources.text(DIR + "dkimpy/ed25519test.key"));
        RawMessage signed = sign(TestResources.message(DIR + "dkimpy/ed25519test.msg"), key,
                DkimAlgorithm.ED25519_SHA256, "example.net", "test");
        assertPass(verifier(zone()).verify(signed).get(0), "ed25519-sha256", 256);
        // ed25519test.dns is the same key without v=, which is optional.
        InMemoryDns noVersion = new InMemoryDns().txt("test._domainkey.example.net",
                TestResources.text(DIR + "dkimpy/ed25519test.dns").strip());
        assertPass(verifier(noVersion).verify(signed).get(0), "ed25519-sha256", 256);
    }

    private void rfc6376Sign() throws Exception {
        PrivateKey key = PrivateKeys.ed25519FromSeed(TestResources.text(DIR + "dkimpy/rfc8032_7_1.key"));
        RawMessage signed = sign(TestResources.message(DIR + "dkimpy/rfc6376.msg"), key,
                DkimAlgorithm.ED25519_SHA256, "football.example.com", "brisbane");
        assertPass(verifier(rfc8463Dns()).verify(signed).get(0), "ed25519-sha256", 256);
    }

    private void extraReceived() throws Exception {
        InMemoryDns dns = new InMemoryDns().zone(TestResources.text(DIR + "zone-fragment.txt"));
        RawMessage signed = sign(TestResources.message(DIR + "dkimpy/test_extra.message"), rsaKey("test.private"),
                DkimAlgorithm.RSA_SHA256, "example.com", "test");
        assertPass(verifier(dns).verify(signed).get(0), "rsa-sha256", 1024);
    }

    private void noFrom() throws Exception {
        DkimSigner signer = new DkimSigner("example.com", "test", DkimAlgorithm.RSA_SHA256, rsaKey("test.private"),
                DkimSigner.DEFAULT_HEADERS, CLOCK);
        RawMessage message = TestResources.message(DIR + "dkimpy/test_nofrom.message");
        assertThrows(IllegalArgumentException.class, () -> signer.sign(message));
    }

    private void mbox() {
        String mbox = TestResources.text(DIR + "dkimpy/message.mbox");
        // Drop the mbox "From " separator line: it is not part of the message.
        RawMessage message = TestResources.message(mbox.substring(mbox.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
        assertTrue(Canonicalization.RELAXED.body(message.body()).length > 0);
        assertTrue(Canonicalization.SIMPLE.body(message.body()).length > 0);
        List<DkimResult> results = verifier(new InMemoryDns()).verify(message);
        assertEquals(1, results.size());
        assertEquals("kitterman.com", results.get(0).domain());
        assertEquals("2007-00", results.get(0).selector());
        assertEquals(AuthResult.PERMERROR, results.get(0).result());
    }

    static void assertPass(DkimResult r, String algorithm, int bits) {
        assertEquals(AuthResult.PASS, r.result(), r.reason());
        assertEquals(algorithm, r.algorithm());
        assertEquals(bits, r.keyBits());
    }

    static RawMessage sign(RawMessage message, PrivateKey key, DkimAlgorithm alg, String domain, String selector)
            throws Exception {
        DkimSigner signer = new DkimSigner(domain, selector, alg, key, DkimSigner.DEFAULT_HEADERS, CLOCK);
        return message.prepend(signer.sign(message));
    }

    static PrivateKey rsaKey(String file) throws Exception {
        return PrivateKeys.rsaFromPem(TestResources.text(DIR + "dkimpy/" + file));
    }

    static DkimVerifier verifier(InMemoryDns dns) {
        return new DkimVerifier(dns, CLOCK);
    }

    static InMemoryDns zone() {
        return new InMemoryDns().zone(TestResources.text(DIR + "zone-fragment.txt"));
    }

    /** rfc8463/dns.json: {name: {TXT: [[chunk, ...], ...]}}, chunks of one record joined. */
    static InMemoryDns rfc8463Dns() throws IOException {
        InMemoryDns dns = new InMemoryDns();
        JsonNode root = new ObjectMapper().readTree(TestResources.bytes(DIR + "rfc8463/dns.json"));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode record : e.getValue().path("TXT")) {
                StringBuilder value = new StringBuilder();
                record.forEach(chunk -> value.append(chunk.asText()));
                dns.txt(e.getKey(), value.toString());
            }
        }
        return dns;
    }
}
