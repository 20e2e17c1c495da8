package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.HeaderField;
import java.util.List;
import java.util.OptionalLong;

/**
 * A syntactically valid DKIM-Signature or ARC-Message-Signature (they share RFC 6376 tags).
 *
 * @param field the header field it was read from (needed again to hash it with b= emptied)
 * @param bTag the b= tag, whose value positions locate the part to empty
 * @param algorithm a=
 * @param signature b=, decoded
 * @param bodyHash bh=, decoded
 * @param headerCanon first half of c= (simple when c= is absent)
 * @param bodyCanon second half of c= (simple when absent)
 * @param domain d=, lower-cased
 * @param selector s=
 * @param signedHeaders h=, in order, names as written
 * @param identity i= of a DKIM-Signature (AUID, defaults to "@" + d); empty for ARC
 * @param instance i= of an ARC-Message-Signature; 0 for DKIM
 * @param bodyLength l= if present
 * @param timestamp t= if present (seconds since the epoch)
 * @param expiration x= if present
 */
public record DkimSignature(
        HeaderField field,
        Tag bTag,
        DkimAlgorithm algorithm,
        byte[] signature,
        byte[] bodyHash,
        Canonicalization headerCanon,
        Canonicalization bodyCanon,
        String domain,
        String selector,
        List<String> signedHeaders,
        String identity,
        int instance,
        OptionalLong bodyLength,
        OptionalLong timestamp,
        OptionalLong expiration) {

    public DkimSignature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The DNS name of the key record: selector._domainkey.domain. */
    public String keyName() {
        return selector + "._domainkey." + domain;
    }

    /** The outcome of parsing a signature field. */
    public sealed interface Parsed {
        record Ok(DkimSignature signature) implements Parsed {}

        /** Not a usable signature; domain, selector and a= are filled in when they could be read. */
        record Invalid(String reason, String domain, String selector, String algorithm) implements Parsed {}
    }
}
