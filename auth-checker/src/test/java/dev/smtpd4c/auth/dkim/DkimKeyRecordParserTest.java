package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DkimKeyRecordParserTest {

    private static DkimKeyRecord ok(String txt) {
        return assertInstanceOf(DkimKeyRecord.Parsed.Ok.class, DkimKeyRecordParser.parse(txt)).key();
    }

    @Test
    void readsTagsAndDefaults() throws Exception {
        KeyPair pair = TestKeys.rsa(1024);
        DkimKeyRecord k = ok(TestKeys.record(pair, "h=sha256; s=email; t=y:s; n=notes; "));
        assertEquals(DkimAlgorithm.KeyType.RSA, k.keyType());
        assertEquals(1024, k.keyBits());
        assertEquals(List.of("sha256"), k.hashes());
        assertTrue(k.testing());
        assertTrue(k.strictIdentity());
        assertTrue(k.allowsEmail());
        assertFalse(k.allowsHash("sha1"));
        DkimKeyRecord plain = ok("p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertEquals(DkimAlgorithm.KeyType.RSA, plain.keyType());
        assertTrue(plain.allowsHash("sha1"));
        assertFalse(plain.testing());
    }

    @Test
    void acceptsBarePkcs1RsaKeysAsSomePublishersUseThem() throws Exception {
        byte[] spki = TestKeys.rsa(2048).getPublic().getEncoded();
        // 2048-bit SPKI: 4-byte SEQUENCE header, 15-byte AlgorithmIdentifier, 5-byte BIT STRING header.
        byte[] pkcs1 = Arrays.copyOfRange(spki, 24, spki.length);
        assertEquals(2048, ok("k=rsa; p=" + Base64.getEncoder().encodeToString(pkcs1)).keyBits());
    }

    @Test
    void ed25519KeysAreRaw32Bytes() throws Exception {
        assertEquals(256, ok(TestKeys.record(TestKeys.ed25519(), "")).keyBits());
        assertInstanceOf(DkimKeyRecord.Parsed.Invalid.class,
                DkimKeyRecordParser.parse("k=ed25519; p=" + Base64.getEncoder().encodeToString(new byte[31])));
    }

    @Test
    void emptyPMeansRevoked() {
        assertTrue(ok("v=DKIM1; p=").revoked());
        assertTrue(ok("v=DKIM1; k=ed25519; p= ").revoked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=DKIM1", "k=rsa; v=DKIM1; p=", "v=DKIM2; p=", "k=dsa; p=", "p=!!!", "p=QUJD", "p=;p=", ";"})
    void rejectsBadRecords(String txt) {
        assertInstanceOf(DkimKeyRecord.Parsed.Invalid.class, DkimKeyRecordParser.parse(txt));
    }
}
