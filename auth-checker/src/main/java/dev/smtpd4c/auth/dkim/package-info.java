/**
 * DKIM per RFC 6376 with the RFC 8301 (algorithm and key size) and RFC 8463 (Ed25519)
 * updates: {@link dev.smtpd4c.auth.dkim.DkimVerifier} checks every DKIM-Signature of a message
 * and {@link dev.smtpd4c.auth.dkim.DkimSigner} signs the suite's own mail. Pure Java and JDK
 * crypto only; DNS goes through {@link dev.smtpd4c.auth.dns.DnsResolver}, and its outcomes are
 * mapped to TEMPERROR/PERMERROR in {@link dev.smtpd4c.auth.dkim.DkimKeyLookup} alone. The tag
 * list, canonicalisation, header-hash and key classes are shared with the ARC package.
 */
package dev.smtpd4c.auth.dkim;
