package dev.smtpd4c.auth.dkim;

/** Signing algorithms of the a= tag (RFC 6376 3.3, RFC 8463). */
public enum DkimAlgorithm {
    /** Verify-only and reported as weak: RFC 8301 retired SHA-1 for DKIM signing. */
    RSA_SHA1("rsa-sha1", KeyType.RSA, "SHA-1", "SHA1withRSA"),
    RSA_SHA256("rsa-sha256", KeyType.RSA, "SHA-256", "SHA256withRSA"),
    /** RFC 8463: pure Ed25519 over the SHA-256 digest of the header hash input. */
    ED25519_SHA256("ed25519-sha256", KeyType.ED25519, "SHA-256", "Ed25519");

    public enum KeyType {
        RSA("rsa"),
        ED25519("ed25519");

        private final String token;

        KeyType(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    private final String token;
    private final KeyType keyType;
    private final String digest;
    private final String jcaSignature;

    DkimAlgorithm(String token, KeyType keyType, String digest, String jcaSignature) {
        this.token = token;
        this.keyType = keyType;
        this.digest = digest;
        this.jcaSignature = jcaSignature;
    }

    public String token() {
        return token;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** JCA MessageDigest name for the body hash. */
    public String digest() {
        return digest;
    }

    /** JCA Signature name (for Ed25519 the input is the pre-computed SHA-256 digest). */
    public String jcaSignature() {
        return jcaSignature;
    }

    /** The hash name as the key record's h= tag lists it ("sha1", "sha256"). */
    public String hashToken() {
        return token.substring(token.indexOf('-') + 1);
    }

    /** Exact, case-sensitive match: the ARC suite expects "RSA-SHA256" to be rejected. */
    public static DkimAlgorithm fromToken(String token) {
        for (DkimAlgorithm a : values()) {
            if (a.token.equals(token)) {
                return a;
            }
        }
        return null;
    }
}
