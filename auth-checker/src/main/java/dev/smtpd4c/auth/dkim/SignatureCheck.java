package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.RawMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks one parsed signature against its key and the message: key suitability, expiry,
 * body hash, header signature. Shared by DKIM-Signature and ARC-Message-Signature; pure, no DNS.
 */
public final class SignatureCheck {

    private final BodyCache bodies;
    private final Clock clock;

    public SignatureCheck(RawMessage message, Clock clock) {
        this.bodies = new BodyCache(message);
        this.clock = clock;
    }

    /** Result, reason and warnings of one check. */
    public record Outcome(AuthResult result, String reason, List<DkimWarning> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    public Outcome check(DkimSignature sig, DkimKeyRecord key) {
        List<DkimWarning> warnings = new ArrayList<>();
        if (sig.algorithm() == DkimAlgorithm.RSA_SHA1) {
            warnings.add(DkimWarning.WEAK_HASH_SHA1);
        }
        if (key.testing()) {
            warnings.add(DkimWarning.TESTING_KEY);
        }
        if (sig.bodyLength().isPresent()) {
            warnings.add(DkimWarning.BODY_LENGTH_LIMIT);
        }
        String keyProblem = keyProblem(sig, key);
        if (keyProblem != null) {
            return new Outcome(AuthResult.PERMERROR, keyProblem, warnings);
        }
        if (key.keyType() == DkimAlgorithm.KeyType.RSA && key.keyBits() < KeyPolicy.RECOMMENDED_RSA_BITS) {
            warnings.add(DkimWarning.RSA_KEY_UNDER_2048);
        }
        if (sig.expiration().isPresent() && clock.instant().getEpochSecond() > sig.expiration().getAsLong()) {
            return new Outcome(AuthResult.FAIL, "signature expired (x=)", warnings);
        }
        byte[] canonicalBody = bodies.canonical(sig.bodyCanon());
        byte[] bodyHash = BodyHash.of(canonicalBody, sig.bodyLength(), sig.algorithm().digest());
        if (bodyHash == null) {
            return new Outcome(AuthResult.FAIL, "l= is longer than the body", warnings);
        }
        if (!java.security.MessageDigest.isEqual(bodyHash, sig.bodyHash())) {
            return new Outcome(AuthResult.FAIL, "body hash did not verify", warnings);
        }
        byte[] data = HeaderHashInput.build(bodies.message().headers(), sig.signedHeaders(), sig.headerCanon(),
                sig.field(), sig.bTag());
        if (!Crypto.verify(sig.algorithm(), key.publicKey(), data, sig.signature())) {
            return new Outcome(AuthResult.FAIL, "signature did not verify", warnings);
        }
        return new Outcome(AuthResult.PASS, "", warnings);
    }

    private static String keyProblem(DkimSignature sig, DkimKeyRecord key) {
        String problem = KeyPolicy.problem(sig.algorithm(), key);
        if (problem == null && key.strictIdentity() && !sig.identity().isEmpty()) {
            String auidDomain = sig.identity().substring(sig.identity().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (!auidDomain.equals(sig.domain())) {
                problem = "key t=s forbids i= in a subdomain of d=";
            }
        }
        return problem;
    }
}
