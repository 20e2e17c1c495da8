package dev.smtpd4c.auth.dkim;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/** Reads a TXT record as a DKIM key record (RFC 6376 3.6.1, RFC 8463 for k=ed25519). */
public final class DkimKeyRecordParser {

    private DkimKeyRecordParser() {}

    public static DkimKeyRecord.Parsed parse(String txt) {
        TagList tags;
        switch (TagList.parse(txt)) {
            case TagList.Result.Ok ok -> tags = ok.tags();
            case TagList.Result.Invalid bad -> {
                return invalid("malformed key record: " + bad.reason());
            }
        }
        // v= is optional, but when present it must be the first tag and exactly DKIM1.
        if (tags.has("v") && (!tags.tags().get(0).name().equals("v") || !tags.value("v").get().equals("DKIM1"))) {
            return invalid("key record v= is not DKIM1 or not the first tag");
        }
        DkimAlgorithm.KeyType keyType = switch (tags.value("k").orElse("rsa")) {
            case "rsa" -> DkimAlgorithm.KeyType.RSA;
            case "ed25519" -> DkimAlgorithm.KeyType.ED25519;
            default -> null;
        };
        if (keyType == null) {
            return invalid("unknown key type k=" + TagList.printable(tags.value("k").get()));
        }
        if (!tags.has("p")) {
            return invalid("key record has no p=");
        }
        List<String> hashes = tags.has("h") ? TagValues.colonList(tags.value("h").get()) : List.of();
        List<String> services = tags.has("s") ? TagValues.colonList(tags.value("s").get()) : List.of("*");
        List<String> flags = tags.has("t") ? TagValues.colonList(tags.value("t").get()) : List.of();
        boolean testing = flags.contains("y");
        boolean strict = flags.contains("s");
        if (tags.tag("p").get().compactValue().isEmpty()) {
            return new DkimKeyRecord.Parsed.Ok(new DkimKeyRecord(keyType, null, 0, hashes, services, testing, strict));
        }
        byte[] der = TagValues.base64(tags.tag("p").get());
        if (der == null) {
            return invalid("p= is not base64");
        }
        PublicKey key = keyType == DkimAlgorithm.KeyType.RSA ? PublicKeys.rsa(der) : PublicKeys.ed25519(der);
        if (key == null) {
            return invalid("p= is not a valid " + keyType.token() + " public key");
        }
        int bits = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256;
        return new DkimKeyRecord.Parsed.Ok(new DkimKeyRecord(keyType, key, bits, hashes, services, testing, strict));
    }

    private static DkimKeyRecord.Parsed invalid(String reason) {
        return new DkimKeyRecord.Parsed.Invalid(reason);
    }
}
