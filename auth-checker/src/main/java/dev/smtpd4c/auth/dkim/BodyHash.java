package dev.smtpd4c.auth.dkim;

import java.security.MessageDigest;
import java.util.OptionalLong;

/** The bh= computation (RFC 6376 3.7): digest of the canonical body, cut to l= octets if given. */
public final class BodyHash {

    private BodyHash() {}

    /** The digest, or null when l= asks for more octets than the canonical body has. */
    public static byte[] of(byte[] canonicalBody, OptionalLong length, String digest) {
        long n = length.orElse(canonicalBody.length);
        if (n > canonicalBody.length) {
            return null;
        }
        MessageDigest md = Crypto.digest(digest);
        md.update(canonicalBody, 0, (int) n);
        return md.digest();
    }
}
