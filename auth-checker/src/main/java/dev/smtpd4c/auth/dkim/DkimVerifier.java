package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6376 verification of every DKIM-Signature of a message, top to bottom. Thread-safe when
 * the resolver is.
 */
public final class DkimVerifier {

    /** Caps the work one message can cause; RFC 6376 6.1 lets verifiers limit signatures checked. */
    public static final int MAX_SIGNATURES = 10;

    private final DkimKeyLookup keys;
    private final Clock clock;

    public DkimVerifier(DnsResolver dns, Clock clock) {
        this.keys = new DkimKeyLookup(dns);
        this.clock = clock;
    }

    /** One result per DKIM-Signature field; an empty list means DKIM result "none". */
    public List<DkimResult> verify(RawMessage message) {
        SignatureCheck check = new SignatureCheck(message, clock);
        List<DkimResult> results = new ArrayList<>();
        for (HeaderField field : message.headers("DKIM-Signature")) {
            if (results.size() == MAX_SIGNATURES) {
                results.add(new DkimResult("", "", "", "", "", AuthResult.NEUTRAL,
                        "not evaluated: more than " + MAX_SIGNATURES + " signatures", 0, false, List.of()));
                break;
            }
            results.add(verify(check, field));
        }
        return results;
    }

    private DkimResult verify(SignatureCheck check, HeaderField field) {
        DkimSignature sig;
        switch (DkimSignatureParser.parse(field, DkimSignatureParser.Kind.DKIM_SIGNATURE)) {
            case DkimSignature.Parsed.Ok ok -> sig = ok.signature();
            case DkimSignature.Parsed.Invalid bad -> {
                return new DkimResult(bad.domain(), bad.selector(), bad.algorithm(), "", "", AuthResult.PERMERROR,
                        "invalid signature: " + bad.reason(), 0, false, List.of());
            }
        }
        String alg = sig.algorithm().token();
        String b = sig.bTag().compactValue();
        // RFC 6008: eight characters identify a signature among several on one message.
        String prefix = b.substring(0, Math.min(8, b.length()));
        return switch (keys.lookup(sig.keyName())) {
            case DkimKeyLookup.Outcome.Failed f ->
                    new DkimResult(sig.domain(), sig.selector(), alg, sig.identity(), prefix, f.result(), f.reason(), 0, false, List.of());
            case DkimKeyLookup.Outcome.Found found -> {
                DkimKeyRecord key = found.key();
                SignatureCheck.Outcome o = check.check(sig, key);
                yield new DkimResult(sig.domain(), sig.selector(), alg, sig.identity(), prefix, o.result(), o.reason(),
                        key.keyBits(), key.testing(), o.warnings());
            }
        };
    }
}
