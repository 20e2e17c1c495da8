package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.dkim.Canonicalization;
import dev.smtpd4c.auth.dkim.Crypto;
import dev.smtpd4c.auth.dkim.DkimKeyLookup;
import dev.smtpd4c.auth.dkim.HeaderHashInput;
import dev.smtpd4c.auth.dkim.KeyPolicy;
import dev.smtpd4c.auth.dkim.SignatureCheck;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RFC 8617 5.2 chain validation. Thread-safe when the resolver is: per-message state stays in
 * {@link #validate}.
 */
public final class ArcValidator {

    private final DkimKeyLookup keyLookup;
    private final Clock clock;

    public ArcValidator(DnsResolver dns, Clock clock) {
        this.keyLookup = new DkimKeyLookup(dns);
        this.clock = clock;
    }

    public ArcResult validate(RawMessage message) {
        List<ArcSet> sets;
        switch (ArcSetCollector.collect(message.headers())) {
            case ArcSetCollector.Collected.NoSets n -> {
                return ArcResult.none();
            }
            case ArcSetCollector.Collected.Broken b -> {
                return ArcResult.fail(b.reason(), b.instances());
            }
            case ArcSetCollector.Collected.Sets s -> sets = s.sets();
        }
        int n = sets.size();
        ArcSet newest = sets.get(n - 1);
        // Step 2: an intermediary already declared the chain broken; nothing later can mend it.
        if (newest.seal().cv() == ArcChainStatus.FAIL) {
            return ArcResult.fail("newest ARC-Seal (i=" + n + ") has cv=fail", n);
        }
        for (ArcSet set : sets) {
            ArcChainStatus expected = set.instance() == 1 ? ArcChainStatus.NONE : ArcChainStatus.PASS;
            if (set.seal().cv() != expected) {
                return ArcResult.fail("ARC-Seal i=" + set.instance() + " has cv=" + set.seal().cv().token()
                        + ", expected " + expected.token(), n);
            }
        }
        SignatureCheck check = new SignatureCheck(message, clock);
        // Intermediaries usually sign AMS and AS with one key: look each name up once per message.
        Map<String, DkimKeyLookup.Outcome> keyCache = new HashMap<>();
        Function<String, DkimKeyLookup.Outcome> keys = name -> keyCache.computeIfAbsent(name, keyLookup::lookup);
        String amsProblem = amsProblem(check, newest, keys);
        if (amsProblem != null) {
            return ArcResult.fail("ARC-Message-Signature i=" + n + ": " + amsProblem, n);
        }
        for (int i = n; i >= 1; i--) {
            String sealProblem = sealProblem(sets, i, keys);
            if (sealProblem != null) {
                return ArcResult.fail("ARC-Seal i=" + i + ": " + sealProblem, n);
            }
        }
        return new ArcResult(ArcChainStatus.PASS, "", n, oldestPass(check, sets, keys), newest.seal().domain());
    }

    /** Step 5: walk down from the newest AMS while signatures still validate. */
    private static int oldestPass(SignatureCheck check, List<ArcSet> sets, Function<String, DkimKeyLookup.Outcome> keys) {
        int oldest = sets.size();
        for (int i = sets.size() - 1; i >= 1 && amsProblem(check, sets.get(i - 1), keys) == null; i--) {
            oldest = i;
        }
        return oldest;
    }

    private static String amsProblem(SignatureCheck check, ArcSet set, Function<String, DkimKeyLookup.Outcome> keys) {
        return switch (keys.apply(set.messageSignature().keyName())) {
            case DkimKeyLookup.Outcome.Failed f -> f.result().word() + ": " + f.reason();
            case DkimKeyLookup.Outcome.Found found -> {
                SignatureCheck.Outcome o = check.check(set.messageSignature(), found.key());
                yield o.result() == AuthResult.PASS ? null : o.reason();
            }
        };
    }

    /** Step 6: the seal of instance i signs the sets 1..i in order, AAR, AMS, AS each. */
    private static String sealProblem(List<ArcSet> sets, int i, Function<String, DkimKeyLookup.Outcome> keys) {
        ArcSeal seal = sets.get(i - 1).seal();
        return switch (keys.apply(seal.keyName())) {
            case DkimKeyLookup.Outcome.Failed f -> f.result().word() + ": " + f.reason();
            case DkimKeyLookup.Outcome.Found found -> {
                String keyProblem = KeyPolicy.problem(seal.algorithm(), found.key());
                if (keyProblem != null) {
                    yield keyProblem;
                }
                byte[] data = sealInput(sets, i);
                yield Crypto.verify(seal.algorithm(), found.key().publicKey(), data, seal.signature())
                        ? null
                        : "signature did not verify";
            }
        };
    }

    static byte[] sealInput(List<ArcSet> sets, int upTo) {
        Canonicalization relaxed = Canonicalization.RELAXED;
        StringBuilder sb = new StringBuilder();
        for (int j = 1; j <= upTo; j++) {
            ArcSet set = sets.get(j - 1);
            sb.append(relaxed.header(set.authenticationResults())).append("\r\n");
            sb.append(relaxed.header(set.messageSignature().field())).append("\r\n");
            if (j < upTo) {
                sb.append(relaxed.header(set.seal().field())).append("\r\n");
            } else {
                sb.append(HeaderHashInput.withEmptyB(set.seal().field(), set.seal().bTag(), relaxed));
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
