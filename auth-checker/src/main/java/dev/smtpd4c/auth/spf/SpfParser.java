package dev.smtpd4c.auth.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses an SPF record per the RFC 7208 ABNF. The whole record is parsed before evaluation, so a
 * syntax error anywhere is a permerror (section 4.6). One pass, no regular expressions: the cost
 * is linear in the record length whatever a hostile publisher writes.
 */
public final class SpfParser {

    private SpfParser() {}

    public static SpfRecord parse(String text) throws SpfSyntaxException {
        if (!SpfRecord.isSpf(text)) {
            throw new SpfSyntaxException("record does not start with v=spf1", 0);
        }
        List<Directive> directives = new ArrayList<>();
        List<Modifier> others = new ArrayList<>();
        Modifier redirect = null;
        Modifier exp = null;
        int i = 6;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++; // terms are separated by one or more SP, trailing SP allowed
                continue;
            }
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = text.length();
            }
            String term = text.substring(i, end);
            Modifier modifier = parseModifier(term, i);
            if (modifier == null) {
                directives.add(parseDirective(term, i));
            } else if (modifier.name().equals("redirect")) {
                if (redirect != null) {
                    throw new SpfSyntaxException("redirect= appears twice", i);
                }
                redirect = modifier;
            } else if (modifier.name().equals("exp")) {
                if (exp != null) {
                    throw new SpfSyntaxException("exp= appears twice", i);
                }
                exp = modifier;
            } else {
                others.add(modifier);
            }
            i = end;
        }
        return new SpfRecord(text, directives, redirect, exp, others);
    }

    /** A modifier when '=' comes before any ':' or '/'; null when the term is a directive. */
    private static Modifier parseModifier(String term, int pos) throws SpfSyntaxException {
        int eq = -1;
        for (int k = 0; k < term.length(); k++) {
            char c = term.charAt(k);
            if (c == ':' || c == '/') {
                return null;
            }
            if (c == '=') {
                eq = k;
                break;
            }
        }
        if (eq < 0) {
            return null;
        }
        String name = term.substring(0, eq);
        if (!isModifierName(name)) {
            throw new SpfSyntaxException("invalid modifier name '" + name + "'", pos);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String value = term.substring(eq + 1);
        if (lower.equals("redirect") || lower.equals("exp")) {
            validateDomainSpec(value, pos + eq + 1);
        } else {
            SpfMacro.validate(value, false, pos + eq + 1);
        }
        return new Modifier(lower, value, pos);
    }

    private static boolean isModifierName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int k = 1; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(isAlpha(c) || isDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static Directive parseDirective(String term, int pos) throws SpfSyntaxException {
        Qualifier qualifier = Qualifier.of(term.charAt(0));
        int start = qualifier == null ? 0 : 1;
        if (qualifier == null) {
            qualifier = Qualifier.PASS;
        }
        int nameEnd = start;
        while (nameEnd < term.length() && term.charAt(nameEnd) != ':' && term.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String name = term.substring(start, nameEnd).toLowerCase(Locale.ROOT);
        MechanismType type = mechanism(name);
        if (type == null) {
            throw new SpfSyntaxException("unknown mechanism '" + term.substring(start, nameEnd) + "'", pos);
        }
        String rest = term.substring(nameEnd);
        int restPos = pos + nameEnd;
        return switch (type) {
            case ALL -> {
                if (!rest.isEmpty()) {
                    throw new SpfSyntaxException("'all' takes no argument", restPos);
                }
                yield new Directive(qualifier, type, null, null, 32, 128, term, pos);
            }
            case INCLUDE, EXISTS -> {
                if (!rest.startsWith(":")) {
                    throw new SpfSyntaxException("'" + name + "' needs ':domain'", restPos);
                }
                validateDomainSpec(rest.substring(1), restPos + 1);
                yield new Directive(qualifier, type, rest.substring(1), null, 32, 128, term, pos);
            }
            case PTR -> {
                String spec = optionalDomain(rest, restPos);
                yield new Directive(qualifier, type, spec, null, 32, 128, term, pos);
            }
            case A, MX -> dualCidr(qualifier, type, term, rest, pos, restPos);
            case IP4, IP6 -> ipNetwork(qualifier, type, term, rest, pos, restPos);
        };
    }

    private static MechanismType mechanism(String name) {
        for (MechanismType t : MechanismType.values()) {
            if (t.keyword().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static String optionalDomain(String rest, int restPos) throws SpfSyntaxException {
        if (rest.isEmpty()) {
            return null;
        }
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException("unexpected '" + rest + "'", restPos);
        }
        validateDomainSpec(rest.substring(1), restPos + 1);
        return rest.substring(1);
    }

    /** a and mx: [":" domain-spec] [ip4-cidr-length] ["/" ip6-cidr-length], cut from the end. */
    private static Directive dualCidr(Qualifier q, MechanismType type, String term, String rest, int pos,
            int restPos) throws SpfSyntaxException {
        int cidr4 = 32;
        int cidr6 = 128;
        String body = rest;
        int slash = trailingNumber(body);
        if (slash >= 0) {
            if (slash > 0 && body.charAt(slash - 1) == '/') {
                cidr6 = cidrLength(body.substring(slash + 1), 128, restPos + slash);
                body = body.substring(0, slash - 1);
                slash = trailingNumber(body);
            }
            if (slash >= 0) {
                cidr4 = cidrLength(body.substring(slash + 1), 32, restPos + slash);
                body = body.substring(0, slash);
            }
        }
        String spec = optionalDomain(body, restPos);
        return new Directive(q, type, spec, null, cidr4, cidr6, term, pos);
    }

    /** Index of the '/' that starts a trailing "/digits", or -1. */
    private static int trailingNumber(String s) {
        int k = s.length();
        while (k > 0 && isDigit(s.charAt(k - 1))) {
            k--;
        }
        if (k == s.length() || k == 0 || s.charAt(k - 1) != '/') {
            return -1;
        }
        return k - 1;
    }

    private static int cidrLength(String digits, int max, int at) throws SpfSyntaxException {
        if (digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new SpfSyntaxException("invalid CIDR length '" + digits + "'", at);
        }
        int n = Integer.parseInt(digits);
        if (n > max) {
            throw new SpfSyntaxException("CIDR length " + n + " exceeds " + max, at);
        }
        return n;
    }

    private static Directive ipNetwork(Qualifier q, MechanismType type, String term, String rest, int pos,
            int restPos) throws SpfSyntaxException {
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException("'" + type.keyword() + "' needs ':address'", restPos);
        }
        String body = rest.substring(1);
        boolean v4 = type == MechanismType.IP4;
        int prefix = v4 ? 32 : 128;
        int slash = body.indexOf('/');
        if (slash >= 0) {
            if (body.substring(slash + 1).isEmpty() || !allDigits(body.substring(slash + 1))) {
                throw new SpfSyntaxException("invalid CIDR length", restPos + 1 + slash);
            }
            prefix = cidrLength(body.substring(slash + 1), prefix, restPos + 1 + slash);
            body = body.substring(0, slash);
        }
        byte[] net = v4 ? IpAddress.parseIp4(body) : IpAddress.parseIp6(body);
        if (net == null) {
            throw new SpfSyntaxException("invalid " + (v4 ? "IPv4" : "IPv6") + " address '" + body + "'",
                    restPos + 1);
        }
        return new Directive(q, type, null, net, v4 ? prefix : 32, v4 ? 128 : prefix, term, pos);
    }

    private static boolean allDigits(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * domain-spec = macro-string domain-end; domain-end = ("." toplabel ["."]) / macro-expand.
     * Checked before expansion: it is not correct to check syntax after expansion (7.1).
     */
    static void validateDomainSpec(String spec, int pos) throws SpfSyntaxException {
        if (spec.isEmpty()) {
            throw new SpfSyntaxException("empty domain-spec", pos);
        }
        SpfMacro.validate(spec, false, pos);
        if (spec.endsWith("}") && endsWithMacro(spec)) {
            return;
        }
        String s = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        int dot = s.lastIndexOf('.');
        if (dot < 0 || !isTopLabel(s.substring(dot + 1))) {
            throw new SpfSyntaxException("domain-spec '" + spec + "' does not end in a valid top label", pos);
        }
    }

    /** True when the final '}' closes a macro-expand (not a literal '}' after "%%"). */
    private static boolean endsWithMacro(String spec) {
        int open = spec.lastIndexOf("%{");
        if (open < 0 || spec.indexOf('}', open) != spec.length() - 1) {
            return false;
        }
        int percents = 0;
        for (int k = open; k >= 0 && spec.charAt(k) == '%'; k--) {
            percents++;
        }
        return percents % 2 == 1;
    }

    /** toplabel = (*alphanum ALPHA *alphanum) / (1*alphanum "-" *(alphanum / "-") alphanum). */
    static boolean isTopLabel(String label) {
        if (label.isEmpty()) {
            return false;
        }
        boolean alpha = false;
        boolean hyphen = false;
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            if (isAlpha(c)) {
                alpha = true;
            } else if (c == '-') {
                hyphen = true;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        if (hyphen) {
            return label.charAt(0) != '-' && label.charAt(label.length() - 1) != '-';
        }
        return alpha;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
