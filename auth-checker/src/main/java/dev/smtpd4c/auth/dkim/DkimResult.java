package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.AuthResult;
import java.util.List;

/**
 * The verdict on one DKIM-Signature field, flat so it maps directly to an
 * Authentication-Results entry and to DMARC's input.
 *
 * @param domain d= (lower case), empty if unreadable
 * @param selector s=, empty if unreadable
 * @param algorithm a= as written (may be an unsupported value)
 * @param identity i= (AUID), empty if unreadable
 * @param signaturePrefix the first characters of b= (RFC 6008 header.b), to tell signatures apart
 * @param result PASS, FAIL, NEUTRAL, TEMPERROR or PERMERROR
 * @param reason why it is not PASS, for people; empty on PASS
 * @param keyBits RSA modulus size or 256 for Ed25519; 0 when no key was obtained
 * @param testing the key record has t=y
 * @param warnings non-fatal findings (weak hash, short key, l=)
 */
public record DkimResult(
        String domain,
        String selector,
        String algorithm,
        String identity,
        String signaturePrefix,
        AuthResult result,
        String reason,
        int keyBits,
        boolean testing,
        List<DkimWarning> warnings) {

    public DkimResult {
        warnings = List.copyOf(warnings);
    }

    /** A signature that uses a weak hash or a key under 2048 bits. */
    public boolean weak() {
        return warnings.contains(DkimWarning.WEAK_HASH_SHA1) || warnings.contains(DkimWarning.RSA_KEY_UNDER_2048);
    }
}
