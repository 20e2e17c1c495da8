package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimVerifierTest {

    static final String KEY = "sel._domainkey.example.com";
    static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    static final RawMessage MESSAGE = TestKeys.message(
            "From: Alice <alice@example.com>\nTo: bob@example.org\nSubject: Hello\nDate: Sat, 28 Nov 2026 04:00:00 +0000\n"
                    + "Message-ID: <1@example.com>\n\nHi Bob,\n\nsee you.\n");
    static final List<String> H = List.of("from", "to", "subject", "date");

    static KeyPair rsa2048;

    @BeforeAll
    static void keys() throws Exception {
        rsa2048 = TestKeys.rsa(2048);
    }

    private static DkimResult verify(RawMessage m, String keyRecord) {
        List<DkimResult> results = new DkimVerifier(new InMemoryDns().txt(KEY, keyRecord), NOW).verify(m);
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static RawMessage signed(String tags, KeyPair pair, DkimAlgorithm alg, OptionalLong l) throws Exception {
        return TestKeys.sign(MESSAGE, pair, alg, tags, H, Canonicalization.RELAXED, Canonicalization.SIMPLE, l);
    }

    private static String tags(String extra) {
        return "v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel; h=from:to:subject:date; " + extra;
    }

    private static RawMessage withBody(RawMessage m, String extra) {
        byte[] body = m.body();
        byte[] more = extra.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(body, body.length + more.length);
        System.arraycopy(more, 0, all, body.length, more.length);
        return new RawMessage(m.headers(), all);
    }

    @Test
    void noSignatureMeansNoResults() {
        assertTrue(new DkimVerifier(new InMemoryDns(), NOW).verify(MESSAGE).isEmpty());
    }

    @Test
    void passesAndReportsKeyFacts() throws Exception {
        DkimResult r = verify(signed(tags(""), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty()),
                TestKeys.record(rsa2048, "t=y; "));
        assertEquals(AuthResult.PASS, r.result(), r.reason());
        assertEquals(2048, r.keyBits());
        assertTrue(r.testing());
        assertEquals("@example.com", r.identity());
        assertFalse(r.weak());
    }

    @Test
    void modifiedBodyOrSignedHeaderFails() throws Exception {
        RawMessage m = signed(tags(""), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        String key = TestKeys.record(rsa2048, "");
        assertEquals("body hash did not verify", verify(withBody(m, "P.S.\r\n"), key).reason());
        List<HeaderField> hs = new java.util.ArrayList<>(m.headers());
        hs.replaceAll(h -> h.hasName("Subject") ? HeaderField.of("Subject", " Hello!") : h);
        assertEquals(AuthResult.FAIL, verify(new RawMessage(hs, m.body()), key).result());
        // Unsigned fields may be added in transit.
        assertEquals(AuthResult.PASS, verify(m.prepend(HeaderField.of("Received", " from relay")), key).result());
    }

    @Test
    void signingOtherSignaturesNeverCoversTheSignatureBeingVerified() throws Exception {
        RawMessage earlier = MESSAGE.prepend(HeaderField.of("DKIM-Signature", " v=1; d=other.example; earlier"));
        RawMessage m = TestKeys.sign(earlier, rsa2048, DkimAlgorithm.RSA_SHA256,
                "v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel; h=from:dkim-signature:dkim-signature;",
                List.of("from", "dkim-signature", "dkim-signature"), Canonicalization.RELAXED, Canonicalization.SIMPLE,
                OptionalLong.empty());
        List<DkimResult> results = new DkimVerifier(new InMemoryDns().txt(KEY, TestKeys.record(rsa2048, "")), NOW).verify(m);
        assertEquals(AuthResult.PASS, results.get(0).result(), results.get(0).reason());
        assertEquals(AuthResult.PERMERROR, results.get(1).result());
    }

    @Test
    void bodyLengthLimitIgnoresAppendedContentButWarns() throws Exception {
        RawMessage m = signed(tags("l=10;"), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.of(10));
        DkimResult r = verify(withBody(m, "appended\r\n"), TestKeys.record(rsa2048, ""));
        assertEquals(AuthResult.PASS, r.result(), r.reason());
        assertTrue(r.warnings().contains(DkimWarning.BODY_LENGTH_LIMIT));
        RawMessage tooLong = signed(tags("l=99999;"), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        assertEquals("l= is longer than the body", verify(tooLong, TestKeys.record(rsa2048, "")).reason());
    }

    @Test
    void expiryUsesTheClock() throws Exception {
        String key = TestKeys.record(rsa2048, "");
        RawMessage expired = signed(tags("t=1700000000; x=1799999999;"), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        assertEquals("signature expired (x=)", verify(expired, key).reason());
        RawMessage valid = signed(tags("t=1700000000; x=1800000001;"), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        assertEquals(AuthResult.PASS, verify(valid, key).result());
    }

    @Test
    void strictKeyRejectsSubdomainIdentity() throws Exception {
        RawMessage m = signed(tags("i=@news.example.com;"), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        assertEquals(AuthResult.PASS, verify(m, TestKeys.record(rsa2048, "")).result());
        assertEquals(AuthResult.PERMERROR, verify(m, TestKeys.record(rsa2048, "t=s; ")).result());
    }

    @Test
    void keyProblemsArePermerrors() throws Exception {
        RawMessage m = signed(tags(""), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        assertEquals("key revoked (empty p=)", verify(m, "v=DKIM1; k=rsa; p=").reason());
        assertEquals(AuthResult.PERMERROR, verify(m, TestKeys.record(rsa2048, "h=sha1; ")).result());
        assertEquals(AuthResult.PERMERROR, verify(m, TestKeys.record(TestKeys.ed25519(), "")).result());
        KeyPair small = TestKeys.rsa(512);
        RawMessage weak = signed(tags(""), small, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        DkimResult r = verify(weak, TestKeys.record(small, ""));
        assertEquals(AuthResult.PERMERROR, r.result());
        assertTrue(r.reason().contains("512 bits"));
    }

    @Test
    void dnsOutcomesMapToTempAndPermErrors() throws Exception {
        RawMessage m = signed(tags(""), rsa2048, DkimAlgorithm.RSA_SHA256, OptionalLong.empty());
        assertEquals(AuthResult.TEMPERROR, new DkimVerifier(new InMemoryDns().tempfail(KEY), NOW).verify(m).get(0).result());
        assertEquals(AuthResult.PERMERROR, new DkimVerifier(new InMemoryDns(), NOW).verify(m).get(0).result());
    }

    @Test
    void rsaSha1VerifiesButIsWeak() throws Exception {
        String t = "v=1; a=rsa-sha1; c=relaxed/simple; d=example.com; s=sel; h=from:to:subject:date;";
        DkimResult r = verify(signed(t, rsa2048, DkimAlgorithm.RSA_SHA1, OptionalLong.empty()), TestKeys.record(rsa2048, ""));
        assertEquals(AuthResult.PASS, r.result(), r.reason());
        assertTrue(r.weak());
        assertTrue(r.warnings().contains(DkimWarning.WEAK_HASH_SHA1));
    }

    @Test
    void malformedSignaturesArePermerrors() throws Exception {
        String key = TestKeys.record(rsa2048, "");
        for (String bad : new String[] {
            "v=2; a=rsa-sha256; d=example.com; s=sel; h=from;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=to:subject;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; i=@evil.example;",
            "v=1; a=rsa-sha512; d=example.com; s=sel; h=from;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; c=fancy/simple;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; t=200; x=100;",
            "v=1; a=rsa-sha256; d=example..com; s=sel; h=from;",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; q=http;"}) {
            DkimResult r = verify(TestKeys.sign(MESSAGE, rsa2048, DkimAlgorithm.RSA_SHA256, bad, List.of("from"),
                    Canonicalization.RELAXED, Canonicalization.SIMPLE, OptionalLong.empty()), key);
            assertEquals(AuthResult.PERMERROR, r.result(), bad);
            assertTrue(r.reason().startsWith("invalid signature"), r.reason());
        }
    }
}
