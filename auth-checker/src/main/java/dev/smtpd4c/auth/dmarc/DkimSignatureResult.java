package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.AuthResult;

/**
 * What DMARC needs from one verified DKIM signature; the DKIM verifier's output is mapped to it
 * by the caller, so DMARC does not depend on the DKIM package.
 *
 * @param domain the signing domain (d=)
 * @param result the signature's verification result
 * @param selector s=, for reports
 */
public record DkimSignatureResult(String domain, AuthResult result, String selector) {}
