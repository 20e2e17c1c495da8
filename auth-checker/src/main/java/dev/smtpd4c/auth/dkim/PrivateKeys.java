package dev.smtpd4c.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Loads signing keys in the forms DKIM tooling hands them out. */
public final class PrivateKeys {

    private PrivateKeys() {}

    /**
     * An RSA key from PEM: "BEGIN PRIVATE KEY" (PKCS#8) or "BEGIN RSA PRIVATE KEY" (PKCS#1,
     * what openssl genrsa and opendkim-genkey write), the latter wrapped into PKCS#8.
     */
    public static PrivateKey rsaFromPem(String pem) throws GeneralSecurityException {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        byte[] der = pemBody(pem);
        if (pkcs1) {
            der = Der.sequence(Der.integerZero(), Der.RSA_ALGORITHM, Der.octetString(der));
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** An Ed25519 key from its 32-byte seed, base64 (the form RFC 8463 and dkimpy use). */
    public static PrivateKey ed25519FromSeed(String base64Seed) throws GeneralSecurityException {
        byte[] seed = Base64.getDecoder().decode(base64Seed.strip());
        if (seed.length != 32) {
            throw new GeneralSecurityException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        byte[] der = Der.sequence(Der.integerZero(), Der.ED25519_ALGORITHM, Der.octetString(Der.octetString(seed)));
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static byte[] pemBody(String pem) throws GeneralSecurityException {
        StringBuilder b64 = new StringBuilder();
        for (String line : pem.split("\r?\n")) {
            if (!line.startsWith("-----") && !line.isBlank()) {
                b64.append(line.strip());
            }
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("PEM body is not base64", e);
        }
    }
}
