package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.dkim.DkimAlgorithm;
import dev.smtpd4c.auth.dkim.Tag;
import dev.smtpd4c.auth.message.HeaderField;

/**
 * A syntactically valid ARC-Seal (RFC 8617 4.1.3).
 *
 * @param field the field as found, hashed again with b= emptied
 * @param bTag the b= tag, for emptying
 * @param instance i=
 * @param cv cv=
 * @param algorithm a= (rsa-sha256 only)
 * @param signature b=, decoded
 * @param domain d=, lower case
 * @param selector s=
 */
public record ArcSeal(HeaderField field, Tag bTag, int instance, ArcChainStatus cv, DkimAlgorithm algorithm,
        byte[] signature, String domain, String selector) {

    /** The outcome of parsing an ARC-Seal field. */
    public sealed interface Parsed {
        record Ok(ArcSeal seal) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    public String keyName() {
        return selector + "._domainkey." + domain;
    }
}
