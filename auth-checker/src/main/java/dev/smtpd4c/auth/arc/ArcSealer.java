package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.dkim.BodyHash;
import dev.smtpd4c.auth.dkim.Canonicalization;
import dev.smtpd4c.auth.dkim.Crypto;
import dev.smtpd4c.auth.dkim.DkimAlgorithm;
import dev.smtpd4c.auth.dkim.DkimSignatureParser;
import dev.smtpd4c.auth.dkim.HeaderHashInput;
import dev.smtpd4c.auth.dkim.Tag;
import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Adds the next ARC set to a message (RFC 8617 5.1), as a forwarding service of ours would.
 * Tags are emitted sorted, one space after each ';' (the form the ValiMail signing suite
 * reproduces byte for byte), rsa-sha256 and relaxed/relaxed only. Immutable and thread-safe.
 */
public final class ArcSealer {

    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private final String authServId;
    private final List<String> signedHeaders;
    private final ArcValidator validator;
    private final Clock clock;

    public ArcSealer(String domain, String selector, PrivateKey key, String authServId, List<String> signedHeaders,
            ArcValidator validator, Clock clock) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        this.authServId = authServId;
        this.signedHeaders = List.copyOf(signedHeaders);
        this.validator = validator;
        this.clock = clock;
    }

    /** The new fields, top first (ARC-Seal, ARC-Message-Signature, ARC-Authentication-Results). */
    public record ArcSetFields(HeaderField seal, HeaderField messageSignature, HeaderField authenticationResults) {}

    /**
     * The next set, or empty when no set may be added: the newest seal already says cv=fail
     * (nothing downstream can rely on the chain), or the chain is at instance 50.
     */
    public Optional<ArcSetFields> seal(RawMessage message) throws GeneralSecurityException {
        ArcResult chain = validator.validate(message);
        List<ArcSet> sets = new ArrayList<>();
        if (ArcSetCollector.collect(message.headers()) instanceof ArcSetCollector.Collected.Sets s) {
            sets.addAll(s.sets());
            if (sets.get(sets.size() - 1).seal().cv() == ArcChainStatus.FAIL) {
                return Optional.empty();
            }
        }
        int instance = ArcSetCollector.highestInstance(message.headers()) + 1;
        if (instance > DkimSignatureParser.MAX_ARC_INSTANCE) {
            return Optional.empty();
        }
        long t = clock.instant().getEpochSecond();
        HeaderField aar = HeaderField.of(ArcSetCollector.AAR, AarBuilder.value(instance, authServId, message.headers()));
        HeaderField ams = messageSignature(message, instance, t);
        if (chain.cv() == ArcChainStatus.FAIL) {
            // A broken chain is sealed as cv=fail over this set alone: earlier sets cannot be trusted.
            sets.clear();
        }
        HeaderField seal = seal(sets, aar, ams, instance, chain.cv(), t);
        return Optional.of(new ArcSetFields(seal, ams, aar));
    }

    private HeaderField messageSignature(RawMessage message, int instance, long t) throws GeneralSecurityException {
        byte[] bh = BodyHash.of(Canonicalization.RELAXED.body(message.body()), OptionalLong.empty(), "SHA-256");
        String head = " a=rsa-sha256; b=";
        String tail = "; bh=" + Base64.getEncoder().encodeToString(bh) + "; c=relaxed/relaxed; d=" + domain
                + "; h=" + String.join(":", signedHeaders) + "; i=" + instance + "; s=" + selector + "; t=" + t;
        HeaderField unsigned = HeaderField.of(ArcSetCollector.AMS, head + tail);
        Tag emptyB = new Tag("b", "", head.length(), head.length());
        byte[] data = HeaderHashInput.build(message.headers(), signedHeaders, Canonicalization.RELAXED, unsigned, emptyB);
        return HeaderField.of(ArcSetCollector.AMS, head + sign(data) + tail);
    }

    private HeaderField seal(List<ArcSet> previous, HeaderField aar, HeaderField ams, int instance, ArcChainStatus cv,
            long t) throws GeneralSecurityException {
        String head = " a=rsa-sha256; b=";
        String tail = "; cv=" + cv.token() + "; d=" + domain + "; i=" + instance + "; s=" + selector + "; t=" + t;
        HeaderField unsigned = HeaderField.of(ArcSetCollector.SEAL, head + tail);
        Tag emptyB = new Tag("b", "", head.length(), head.length());
        StringBuilder data = new StringBuilder();
        Canonicalization relaxed = Canonicalization.RELAXED;
        for (ArcSet set : previous) {
            data.append(relaxed.header(set.authenticationResults())).append("\r\n");
            data.append(relaxed.header(set.messageSignature().field())).append("\r\n");
            data.append(relaxed.header(set.seal().field())).append("\r\n");
        }
        data.append(relaxed.header(aar)).append("\r\n");
        data.append(relaxed.header(ams)).append("\r\n");
        data.append(HeaderHashInput.withEmptyB(unsigned, emptyB, relaxed));
        return HeaderField.of(ArcSetCollector.SEAL, head + sign(data.toString().getBytes(StandardCharsets.ISO_8859_1)) + tail);
    }

    private String sign(byte[] data) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(Crypto.sign(DkimAlgorithm.RSA_SHA256, key, data));
    }
}
