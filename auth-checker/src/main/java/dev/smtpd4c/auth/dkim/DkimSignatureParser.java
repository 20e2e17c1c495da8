package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.HeaderField;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads a DKIM-Signature (RFC 6376 3.5) or ARC-Message-Signature (RFC 8617 4.1.2) field with
 * strict validation: every required tag present and well-formed, unknown tags ignored.
 */
public final class DkimSignatureParser {

    /** Which field is being read; they differ in v=, i= and the From requirement. */
    public enum Kind {
        DKIM_SIGNATURE,
        ARC_MESSAGE_SIGNATURE
    }

    /** RFC 8617 4.2.1: ARC instances run from 1 to 50. */
    public static final int MAX_ARC_INSTANCE = 50;

    private DkimSignatureParser() {}

    public static DkimSignature.Parsed parse(HeaderField field, Kind kind) {
        TagList tags;
        switch (TagList.parse(field.rawValue())) {
            case TagList.Result.Ok ok -> tags = ok.tags();
            case TagList.Result.Invalid bad -> {
                return new DkimSignature.Parsed.Invalid("malformed tag list: " + bad.reason(), "", "", "");
            }
        }
        String d = tags.value("d").orElse("").toLowerCase(Locale.ROOT);
        String s = tags.value("s").orElse("");
        try {
            return new DkimSignature.Parsed.Ok(build(field, tags, kind, d, s));
        } catch (SignatureSyntaxException e) {
            return new DkimSignature.Parsed.Invalid(e.getMessage(), d, s, TagList.printable(tags.value("a").orElse("")));
        }
    }

    private static DkimSignature build(HeaderField field, TagList tags, Kind kind, String d, String s) {
        for (String required : new String[] {"a", "b", "bh", "d", "h", "s"}) {
            if (!tags.has(required)) {
                throw new SignatureSyntaxException("missing required tag " + required + "=");
            }
        }
        int instance = 0;
        String identity = "";
        if (kind == Kind.DKIM_SIGNATURE) {
            String v = tags.value("v").orElseThrow(() -> new SignatureSyntaxException("missing required tag v="));
            if (!v.equals("1")) {
                throw new SignatureSyntaxException("unsupported version v=" + TagList.printable(v));
            }
        }
        DkimAlgorithm algorithm = DkimAlgorithm.fromToken(tags.value("a").get());
        if (algorithm == null || kind == Kind.ARC_MESSAGE_SIGNATURE && algorithm != DkimAlgorithm.RSA_SHA256) {
            throw new SignatureSyntaxException("unsupported algorithm a=" + TagList.printable(tags.value("a").get()));
        }
        byte[] b = TagValues.base64(tags.tag("b").get());
        if (b == null) {
            throw new SignatureSyntaxException("b= is empty or not base64");
        }
        byte[] bh = TagValues.base64(tags.tag("bh").get());
        if (bh == null) {
            throw new SignatureSyntaxException("bh= is empty or not base64");
        }
        // DKIM defaults to simple/simple (RFC 6376 3.5). ARC signers always use relaxed, and the
        // ARC test suite (like dkimpy and Mail::DKIM) reads a missing c= on an AMS as relaxed/relaxed.
        String defaultC = kind == Kind.DKIM_SIGNATURE ? "simple/simple" : "relaxed/relaxed";
        Canonicalization[] c = canonicalizations(tags.value("c").orElse(defaultC));
        if (!TagValues.domainName(d)) {
            throw new SignatureSyntaxException("d= is not a domain name");
        }
        if (!TagValues.domainName(s)) {
            throw new SignatureSyntaxException("s= is not a valid selector");
        }
        List<String> h = TagValues.colonList(tags.value("h").get());
        if (kind == Kind.DKIM_SIGNATURE) {
            if (h.stream().noneMatch(n -> n.equalsIgnoreCase("from"))) {
                throw new SignatureSyntaxException("h= does not include From (RFC 6376 5.4)");
            }
            identity = identity(tags.value("i").orElse("@" + d), d);
        } else {
            instance = (int) TagValues.decimal(tags.value("i").orElse(""), 2);
            if (instance < 1 || instance > MAX_ARC_INSTANCE) {
                throw new SignatureSyntaxException("i= is not an ARC instance 1-50");
            }
            if (h.stream().anyMatch(n -> n.equalsIgnoreCase("arc-seal"))) {
                throw new SignatureSyntaxException("h= includes ARC-Seal (RFC 8617 4.1.2)");
            }
        }
        String q = tags.value("q").orElse("dns/txt");
        if (!TagValues.colonList(q).contains("dns/txt")) {
            throw new SignatureSyntaxException("q= does not offer dns/txt");
        }
        OptionalLong l = optionalDecimal(tags, "l", 76);
        OptionalLong t = optionalDecimal(tags, "t", 12);
        OptionalLong x = optionalDecimal(tags, "x", 12);
        if (t.isPresent() && x.isPresent() && x.getAsLong() < t.getAsLong()) {
            throw new SignatureSyntaxException("x= is before t=");
        }
        return new DkimSignature(field, tags.tag("b").get(), algorithm, b, bh, c[0], c[1], d, s, h,
                identity, instance, l, t, x);
    }

    private static Canonicalization[] canonicalizations(String value) {
        int slash = value.indexOf('/');
        String header = slash < 0 ? value : value.substring(0, slash);
        String body = slash < 0 ? "simple" : value.substring(slash + 1);
        Canonicalization hc = Canonicalization.fromToken(header);
        Canonicalization bc = Canonicalization.fromToken(body);
        if (hc == null || bc == null) {
            throw new SignatureSyntaxException("c= is not a known canonicalization");
        }
        return new Canonicalization[] {hc, bc};
    }

    /** RFC 6376 3.5 i=: the AUID must be in d= or a subdomain of it. */
    private static String identity(String i, String d) {
        int at = i.lastIndexOf('@');
        if (at < 0) {
            throw new SignatureSyntaxException("i= has no '@'");
        }
        String domain = i.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!TagValues.domainName(domain) || !(domain.equals(d) || domain.endsWith("." + d))) {
            throw new SignatureSyntaxException("i= domain is not d= or a subdomain of it");
        }
        return i;
    }

    private static OptionalLong optionalDecimal(TagList tags, String name, int maxDigits) {
        if (!tags.has(name)) {
            return OptionalLong.empty();
        }
        long n = TagValues.decimal(tags.value(name).get(), maxDigits);
        if (n < 0) {
            throw new SignatureSyntaxException(name + "= is not a decimal number");
        }
        return OptionalLong.of(n);
    }

    /** Internal control flow for the first problem found; never escapes this class. */
    private static final class SignatureSyntaxException extends RuntimeException {
        SignatureSyntaxException(String message) {
            super(message, null, false, false);
        }
    }
}
