package dev.smtpd4c.optin.mail;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** Signs with two fresh keys, RSA-2048 (selector tx-rsa) and Ed25519 (tx-ed), for the domain smtpd4c.test. */
public class DkimProfile implements QuarkusTestProfile {

    static final String DOMAIN = "smtpd4c.test";
    static final KeyPair RSA = generate("RSA");
    static final KeyPair ED25519 = generate("Ed25519");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("smtpd4c.mail.dkim.domain", DOMAIN,
                "smtpd4c.mail.from", "SMTPD4C <no-reply@" + DOMAIN + ">",
                "smtpd4c.mail.dkim.keys.tx-rsa", pem(RSA),
                "smtpd4c.mail.dkim.keys.tx-ed", Base64.getEncoder().encodeToString(ED25519.getPrivate().getEncoded()));
    }

    /** The TXT records a sender publishes for these keys (RFC 6376 3.6.1, RFC 8463 4). */
    static Map<String, String> records() {
        byte[] edSpki = ED25519.getPublic().getEncoded();
        byte[] edRaw = Arrays.copyOfRange(edSpki, edSpki.length - 32, edSpki.length); // SPKI = 12-byte prefix + key
        return Map.of("tx-rsa._domainkey." + DOMAIN + ".", "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(RSA.getPublic().getEncoded()),
                "tx-ed._domainkey." + DOMAIN + ".", "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(edRaw));
    }

    private static String pem(KeyPair k) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(k.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("RSA")) {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
