package dev.smtpd4c.auth.dkim;

import java.security.PublicKey;
import java.util.List;

/**
 * A parsed DKIM key record (RFC 6376 3.6.1).
 *
 * @param keyType k= (rsa when absent)
 * @param publicKey the key; null when p= is empty, i.e. the key is revoked
 * @param keyBits RSA modulus size, or 256 for Ed25519; 0 when revoked
 * @param hashes h= acceptable hash algorithms ("sha1", "sha256"); empty means any
 * @param services s= service types; "*" or "email" must be present for mail
 * @param testing t=y: the domain is testing DKIM, verifiers must not treat results differently
 * @param strictIdentity t=s: the i= domain must equal d= exactly, no subdomains
 */
public record DkimKeyRecord(
        DkimAlgorithm.KeyType keyType,
        PublicKey publicKey,
        int keyBits,
        List<String> hashes,
        List<String> services,
        boolean testing,
        boolean strictIdentity) {

    public DkimKeyRecord {
        hashes = List.copyOf(hashes);
        services = List.copyOf(services);
    }

    public boolean revoked() {
        return publicKey == null;
    }

    public boolean allowsHash(String hash) {
        return hashes.isEmpty() || hashes.contains(hash);
    }

    public boolean allowsEmail() {
        return services.contains("*") || services.contains("email");
    }

    /** The outcome of parsing a TXT record as a key record. */
    public sealed interface Parsed {
        record Ok(DkimKeyRecord key) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }
}
