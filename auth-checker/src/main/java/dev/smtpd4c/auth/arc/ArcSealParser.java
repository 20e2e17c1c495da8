package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.dkim.DkimAlgorithm;
import dev.smtpd4c.auth.dkim.DkimSignatureParser;
import dev.smtpd4c.auth.dkim.TagList;
import dev.smtpd4c.auth.dkim.TagValues;
import dev.smtpd4c.auth.message.HeaderField;
import java.util.Locale;

/** Reads an ARC-Seal field; any deviation from RFC 8617 4.1.3 makes the chain fail. */
final class ArcSealParser {

    private ArcSealParser() {}

    static ArcSeal.Parsed parse(HeaderField field) {
        TagList tags;
        switch (TagList.parse(field.rawValue())) {
            case TagList.Result.Ok ok -> tags = ok.tags();
            case TagList.Result.Invalid bad -> {
                return invalid("malformed tag list: " + bad.reason());
            }
        }
        for (String required : new String[] {"a", "b", "cv", "d", "i", "s"}) {
            if (!tags.has(required)) {
                return invalid("missing required tag " + required + "=");
            }
        }
        // The seal covers whole ARC sets; an h= would pretend it covers chosen fields.
        if (tags.has("h")) {
            return invalid("h= is not allowed");
        }
        int instance = (int) TagValues.decimal(tags.value("i").get(), 2);
        ArcChainStatus cv = ArcChainStatus.fromToken(tags.value("cv").get());
        DkimAlgorithm algorithm = DkimAlgorithm.fromToken(tags.value("a").get());
        byte[] b = TagValues.base64(tags.tag("b").get());
        String d = tags.value("d").get().toLowerCase(Locale.ROOT);
        String s = tags.value("s").get();
        String why = null;
        if (instance < 1 || instance > DkimSignatureParser.MAX_ARC_INSTANCE) {
            why = "i= is not an ARC instance 1-50";
        } else if (cv == null) {
            why = "cv= is not none, pass or fail";
        } else if (algorithm != DkimAlgorithm.RSA_SHA256) {
            why = "unsupported algorithm a=" + TagList.printable(tags.value("a").get());
        } else if (b == null) {
            why = "b= is empty or not base64";
        } else if (!TagValues.domainName(d)) {
            why = "d= is not a domain name";
        } else if (!TagValues.domainName(s)) {
            why = "s= is not a valid selector";
        } else if (tags.has("t") && TagValues.decimal(tags.value("t").get(), 12) < 0) {
            why = "t= is not a decimal number";
        }
        if (why != null) {
            return invalid(why);
        }
        return new ArcSeal.Parsed.Ok(new ArcSeal(field, tags.tag("b").get(), instance, cv, algorithm, b, d, s));
    }

    private static ArcSeal.Parsed invalid(String reason) {
        return new ArcSeal.Parsed.Invalid("ARC-Seal: " + reason);
    }
}
