package dev.smtpd4c.auth.dkim;

/** Whether a key record may be used with a signature algorithm; shared by DKIM and ARC. */
public final class KeyPolicy {

    /** RFC 8301 3.2: verifiers must not accept RSA keys shorter than this. */
    public static final int MIN_RSA_BITS = 1024;
    /** RFC 8301 3.2: signers should use at least this; smaller keys get a warning. */
    public static final int RECOMMENDED_RSA_BITS = 2048;

    private KeyPolicy() {}

    /** Null when the key is usable, else why not. */
    public static String problem(DkimAlgorithm algorithm, DkimKeyRecord key) {
        if (key.revoked()) {
            return "key revoked (empty p=)";
        }
        if (key.keyType() != algorithm.keyType()) {
            return "key type " + key.keyType().token() + " does not match a=" + algorithm.token();
        }
        if (!key.allowsHash(algorithm.hashToken())) {
            return "key h= does not allow " + algorithm.hashToken();
        }
        if (!key.allowsEmail()) {
            return "key s= does not allow email";
        }
        if (key.keyType() == DkimAlgorithm.KeyType.RSA && key.keyBits() < MIN_RSA_BITS) {
            return "RSA key of " + key.keyBits() + " bits is below the RFC 8301 minimum of " + MIN_RSA_BITS;
        }
        return null;
    }
}
