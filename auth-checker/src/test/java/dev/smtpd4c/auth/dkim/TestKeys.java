package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/** Fresh key pairs and hand-built signatures for tests that need tags our signer never emits. */
final class TestKeys {

    private TestKeys() {}

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** A key record for the pair, with extra tags (e.g. "t=y; ") placed before p=. */
    static String record(KeyPair pair, String extraTags) {
        byte[] spki = pair.getPublic().getEncoded();
        if (pair.getPublic() instanceof RSAPublicKey) {
            return "v=DKIM1; k=rsa; " + extraTags + "p=" + Base64.getEncoder().encodeToString(spki);
        }
        // Ed25519 SPKI is a 12-byte prefix then the raw 32-byte key, which is what p= carries.
        byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return "v=DKIM1; k=ed25519; " + extraTags + "p=" + Base64.getEncoder().encodeToString(raw);
    }

    /**
     * Signs with a caller-written tag prefix (everything but bh= and b=), so tests can set l=,
     * x=, i=, a=rsa-sha1 and the like.
     */
    static RawMessage sign(RawMessage message, KeyPair pair, DkimAlgorithm alg, String tags, List<String> h,
            Canonicalization headerCanon, Canonicalization bodyCanon, OptionalLong l) throws Exception {
        byte[] body = bodyCanon.body(message.body());
        byte[] bh = Crypto.digest(alg.digest()).digest(java.util.Arrays.copyOf(body, (int) l.orElse(body.length)));
        String value = " " + tags + " bh=" + Base64.getEncoder().encodeToString(bh) + "; b=";
        HeaderField unsigned = HeaderField.of("DKIM-Signature", value);
        Tag emptyB = new Tag("b", "", value.length(), value.length());
        byte[] data = HeaderHashInput.build(message.headers(), h, headerCanon, unsigned, emptyB);
        byte[] sig = Crypto.sign(alg, pair.getPrivate(), data);
        return message.prepend(HeaderField.of("DKIM-Signature", value + Base64.getEncoder().encodeToString(sig)));
    }

    static RawMessage message(String text) {
        return TestResources.message(text.getBytes(StandardCharsets.UTF_8));
    }
}
