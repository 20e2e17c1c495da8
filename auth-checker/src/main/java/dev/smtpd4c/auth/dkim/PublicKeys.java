package dev.smtpd4c.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/** Turns p= values into JDK public keys; null when the bytes are not a key of that type. */
public final class PublicKeys {

    private PublicKeys() {}

    /**
     * RFC 6376 says p= holds a SubjectPublicKeyInfo, but some publishers put a bare PKCS#1
     * RSAPublicKey there and major verifiers accept it, so we try both.
     */
    public static PublicKey rsa(byte[] der) {
        PublicKey key = decode("RSA", der);
        if (key == null) {
            key = decode("RSA", Der.sequence(Der.RSA_ALGORITHM, Der.bitString(der)));
        }
        return key;
    }

    /** RFC 8463: p= is the raw 32-byte Ed25519 public key. */
    public static PublicKey ed25519(byte[] raw) {
        if (raw.length != 32) {
            return null;
        }
        return decode("Ed25519", Der.sequence(Der.ED25519_ALGORITHM, Der.bitString(raw)));
    }

    private static PublicKey decode(String algorithm, byte[] der) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            // Hostile or corrupt key bytes: the caller reports "invalid key", never a crash.
            return null;
        }
    }
}
