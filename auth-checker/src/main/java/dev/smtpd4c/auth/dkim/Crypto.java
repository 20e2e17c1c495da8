package dev.smtpd4c.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Signing and verifying the header hash input with JDK providers only (native-image friendly). */
public final class Crypto {

    private Crypto() {}

    public static boolean verify(DkimAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm.jcaSignature());
            s.initVerify(key);
            s.update(input(algorithm, data));
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Wrong key type, malformed signature bytes: a failed verification, not a crash.
            return false;
        }
    }

    public static byte[] sign(DkimAlgorithm algorithm, PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm.jcaSignature());
        s.initSign(key);
        s.update(input(algorithm, data));
        return s.sign();
    }

    /** RFC 8463 3: Ed25519 signs the SHA-256 digest of the data; RSA signs the data itself. */
    private static byte[] input(DkimAlgorithm algorithm, byte[] data) {
        return algorithm == DkimAlgorithm.ED25519_SHA256 ? digest("SHA-256").digest(data) : data;
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + name, e);
        }
    }
}
