package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class DkimSignerTest {

    private static DkimSigner signer(KeyPair pair, DkimAlgorithm alg) {
        return new DkimSigner("Example.com", "sel", alg, pair.getPrivate(), DkimSigner.DEFAULT_HEADERS, DkimVerifierTest.NOW);
    }

    private static DkimResult verify(RawMessage m, KeyPair pair) {
        return new DkimVerifier(new InMemoryDns().txt(DkimVerifierTest.KEY, TestKeys.record(pair, "")), DkimVerifierTest.NOW)
                .verify(m).get(0);
    }

    @Test
    void rsaAndEd25519RoundTrip() throws Exception {
        for (KeyPair pair : List.of(TestKeys.rsa(2048), TestKeys.ed25519())) {
            DkimAlgorithm alg = pair.getPublic().getAlgorithm().equals("RSA") ? DkimAlgorithm.RSA_SHA256 : DkimAlgorithm.ED25519_SHA256;
            RawMessage m = DkimVerifierTest.MESSAGE;
            RawMessage signed = m.prepend(signer(pair, alg).sign(m));
            DkimResult r = verify(signed, pair);
            assertEquals(AuthResult.PASS, r.result(), r.reason());
            assertEquals("example.com", r.domain());
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        }
    }

    @Test
    void emitsRelaxedFoldedFieldWithOverSignedNames() throws Exception {
        HeaderField f = signer(TestKeys.ed25519(), DkimAlgorithm.ED25519_SHA256).sign(DkimVerifierTest.MESSAGE);
        String v = f.rawValue();
        assertTrue(v.contains("c=relaxed/relaxed"), v);
        assertTrue(v.contains("t=1800000000"), v);
        // From occurs once and is over-signed: listed twice. Cc is absent but over-signed: listed once.
        List<String> h = TagValues.colonList(v.substring(v.indexOf("h=") + 2, v.indexOf(';', v.indexOf("h="))));
        assertEquals(2, h.stream().filter("From"::equals).count(), h.toString());
        assertEquals(1, h.stream().filter("Cc"::equals).count(), h.toString());
        assertEquals(1, h.stream().filter("Message-ID"::equals).count(), h.toString());
        for (String line : f.raw().split("\r\n")) {
            assertTrue(line.length() <= 80, line);
        }
    }

    @Test
    void overSigningCatchesAnAddedFromOrSubject() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        RawMessage m = DkimVerifierTest.MESSAGE;
        RawMessage signed = m.prepend(signer(pair, DkimAlgorithm.RSA_SHA256).sign(m));
        assertEquals(AuthResult.FAIL, verify(signed.prepend(HeaderField.of("From", " mallory@evil.example")), pair).result());
        assertEquals(AuthResult.FAIL, verify(signed.prepend(HeaderField.of("Subject", " urgent")), pair).result());
        assertEquals(AuthResult.FAIL, verify(signed.prepend(HeaderField.of("Cc", " eve@evil.example")), pair).result());
    }

    @Test
    void refusesSha1() {
        assertThrows(IllegalArgumentException.class, () -> new DkimSigner("example.com", "s", DkimAlgorithm.RSA_SHA1,
                TestKeys.rsa(1024).getPrivate(), DkimSigner.DEFAULT_HEADERS, DkimVerifierTest.NOW));
    }
}
