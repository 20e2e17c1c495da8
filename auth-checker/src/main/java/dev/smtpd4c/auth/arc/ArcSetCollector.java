package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.dkim.DkimSignature;
import dev.smtpd4c.auth.dkim.DkimSignatureParser;
import dev.smtpd4c.auth.dkim.TagList;
import dev.smtpd4c.auth.dkim.TagValues;
import dev.smtpd4c.auth.message.HeaderField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a message's ARC fields into sets and enforces RFC 8617 5.1.1 structure: every field
 * parses, each instance has exactly one field of each kind, instances run 1..N without gaps.
 */
final class ArcSetCollector {

    static final String SEAL = "ARC-Seal";
    static final String AMS = "ARC-Message-Signature";
    static final String AAR = "ARC-Authentication-Results";

    private ArcSetCollector() {}

    sealed interface Collected {
        record NoSets() implements Collected {}

        record Broken(String reason, int instances) implements Collected {}

        /** Sets ordered by instance, index 0 is instance 1. */
        record Sets(List<ArcSet> sets) implements Collected {}
    }

    static Collected collect(List<HeaderField> headers) {
        Map<Integer, HeaderField> aars = new HashMap<>();
        Map<Integer, DkimSignature> amss = new HashMap<>();
        Map<Integer, ArcSeal> seals = new HashMap<>();
        boolean any = false;
        int max = 0;
        for (HeaderField h : headers) {
            int instance;
            if (h.hasName(AAR)) {
                instance = AarInstance.parse(h.rawValue());
                if (instance < 1 || instance > DkimSignatureParser.MAX_ARC_INSTANCE) {
                    return new Collected.Broken(AAR + " without a valid leading i= tag", 0);
                }
                if (aars.putIfAbsent(instance, h) != null) {
                    return duplicate(AAR, instance);
                }
            } else if (h.hasName(AMS)) {
                switch (DkimSignatureParser.parse(h, DkimSignatureParser.Kind.ARC_MESSAGE_SIGNATURE)) {
                    case DkimSignature.Parsed.Invalid bad -> {
                        return new Collected.Broken(AMS + ": " + bad.reason(), 0);
                    }
                    case DkimSignature.Parsed.Ok ok -> {
                        instance = ok.signature().instance();
                        if (amss.putIfAbsent(instance, ok.signature()) != null) {
                            return duplicate(AMS, instance);
                        }
                    }
                }
            } else if (h.hasName(SEAL)) {
                switch (ArcSealParser.parse(h)) {
                    case ArcSeal.Parsed.Invalid bad -> {
                        return new Collected.Broken(bad.reason(), 0);
                    }
                    case ArcSeal.Parsed.Ok ok -> {
                        instance = ok.seal().instance();
                        if (seals.putIfAbsent(instance, ok.seal()) != null) {
                            return duplicate(SEAL, instance);
                        }
                    }
                }
            } else {
                continue;
            }
            any = true;
            max = Math.max(max, instance);
        }
        if (!any) {
            return new Collected.NoSets();
        }
        List<ArcSet> sets = new ArrayList<>(max);
        for (int i = 1; i <= max; i++) {
            if (!aars.containsKey(i) || !amss.containsKey(i) || !seals.containsKey(i)) {
                return new Collected.Broken("incomplete ARC set for instance " + i, max);
            }
            sets.add(new ArcSet(i, aars.get(i), amss.get(i), seals.get(i)));
        }
        return new Collected.Sets(sets);
    }

    /**
     * The highest instance any ARC field claims, read leniently (a field that fails strict
     * parsing may still carry a readable i=), so a sealer never reuses an instance number.
     */
    static int highestInstance(List<HeaderField> headers) {
        int max = 0;
        for (HeaderField h : headers) {
            int i = -1;
            if (h.hasName(AAR)) {
                i = AarInstance.parse(h.rawValue());
            } else if ((h.hasName(AMS) || h.hasName(SEAL))
                    && TagList.parse(h.rawValue()) instanceof TagList.Result.Ok ok) {
                i = (int) TagValues.decimal(ok.tags().value("i").orElse(""), 2);
            }
            max = Math.max(max, i);
        }
        return max;
    }

    private static Collected duplicate(String field, int instance) {
        return new Collected.Broken("more than one " + field + " for instance " + instance, instance);
    }
}
