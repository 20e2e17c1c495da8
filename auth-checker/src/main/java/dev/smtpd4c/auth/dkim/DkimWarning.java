package dev.smtpd4c.auth.dkim;

/** Things that do not change a DKIM result but that a domain owner should fix. */
public enum DkimWarning {
    /** rsa-sha1: RFC 8301 says it must no longer be used. */
    WEAK_HASH_SHA1,
    /** RSA key under 2048 bits: RFC 8301 requires verifiers to accept 1024, signers should use 2048. */
    RSA_KEY_UNDER_2048,
    /** l= present: content can be appended to the body without breaking the signature. */
    BODY_LENGTH_LIMIT,
    /** The key record says t=y: the domain is testing DKIM. */
    TESTING_KEY
}
