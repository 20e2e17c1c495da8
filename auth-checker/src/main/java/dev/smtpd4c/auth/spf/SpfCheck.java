package dev.smtpd4c.auth.spf;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * One check_host() evaluation with its counters. Errors that end the whole check (temperror,
 * permerror) unwind as {@link Abort}, because RFC 7208 propagates them unchanged through include
 * and redirect; all other outcomes are plain return values.
 */
final class SpfCheck {

    private static final int MX_LIMIT = 10;
    private static final int PTR_LIMIT = 10;

    private final DnsResolver dns;
    private final SpfOptions options;
    /** The client address; fixed for the whole check, also inside include and redirect. */
    private final IpAddress ctxIp;
    private int lookups;
    private int voids;
    private List<String> validatedNames;

    SpfCheck(DnsResolver dns, SpfOptions options, IpAddress client) {
        this.dns = dns;
        this.options = options;
        this.ctxIp = client;
    }

    /** Ends the check with temperror or permerror. Stack traces are useless here, so none are kept. */
    static final class Abort extends RuntimeException {
        final AuthResult result;

        Abort(AuthResult result, String problem) {
            super(problem, null, false, false);
            this.result = result;
        }
    }

    private record Outcome(AuthResult result, String mechanism, String explanation, String problem) {}

    SpfResult run(MacroContext ctx) {
        try {
            Outcome o = evaluate(ctx.domain(), ctx);
            return new SpfResult(o.result(), ctx.domain(), o.explanation(), o.mechanism(), lookups, voids,
                    o.problem());
        } catch (Abort e) {
            return new SpfResult(e.result, ctx.domain(), null, null, lookups, voids, e.getMessage());
        }
    }

    private Outcome evaluate(String domain, MacroContext base) {
        if (!SpfEvaluator.isValidDomain(domain)) {
            return new Outcome(AuthResult.NONE, null, null, "malformed domain '" + domain + "'");
        }
        SpfRecord record = fetch(domain);
        if (record == null) {
            return new Outcome(AuthResult.NONE, null, null, "no SPF record at " + domain);
        }
        MacroContext ctx = base.withDomain(domain);
        for (Directive d : record.directives()) {
            if (matches(d, ctx)) {
                AuthResult r = d.qualifier().result();
                String exp = r == AuthResult.FAIL ? explain(record, ctx) : null;
                return new Outcome(r, d.text(), exp, "");
            }
        }
        if (record.redirect() != null) {
            countLookup("redirect=" + record.redirect().value());
            Outcome o = evaluate(targetName(record.redirect().value(), ctx), ctx);
            if (o.result() == AuthResult.NONE) {
                throw new Abort(AuthResult.PERMERROR, "redirect target has no SPF record: " + o.problem());
            }
            return o;
        }
        return new Outcome(AuthResult.NEUTRAL, "default", null, "");
    }

    /** The single SPF record of a domain (4.4, 4.5); null for none. */
    private SpfRecord fetch(String domain) {
        List<String> spf = new ArrayList<>(1);
        // The record lookup itself is never a void lookup: "none" already says the name has nothing.
        for (String txt : checked(dns.txt(domain), "TXT", domain, false)) {
            if (SpfRecord.isSpf(txt)) {
                spf.add(txt);
            }
        }
        if (spf.isEmpty()) {
            return null;
        }
        if (spf.size() > 1) {
            throw new Abort(AuthResult.PERMERROR, domain + " publishes " + spf.size() + " SPF records");
        }
        try {
            return SpfParser.parse(spf.get(0));
        } catch (SpfSyntaxException e) {
            throw new Abort(AuthResult.PERMERROR, "SPF record of " + domain + ": " + e.getMessage());
        }
    }

    private boolean matches(Directive d, MacroContext ctx) {
        IpAddress ip = ctx.ip();
        switch (d.type()) {
            case ALL:
                return true;
            case IP4:
            case IP6:
                return ip.inNetwork(d.network(), ip.isV4() ? d.cidr4() : d.cidr6());
            default:
                break;
        }
        countLookup(d.text());
        String target = d.domainSpec() == null ? ctx.domain() : targetName(d.domainSpec(), ctx);
        if (d.type() != MechanismType.INCLUDE && !SpfEvaluator.isDnsName(target)) {
            // A macro can expand to a name no DNS query can carry (empty or over-long label):
            // such a name cannot exist, so the mechanism does not match (RFC 7208 4.3, 5/10).
            return false;
        }
        return switch (d.type()) {
            case INCLUDE -> include(target, ctx);
            case A -> anyAddressMatches(addresses(target, ip, true), ip, d);
            case MX -> mx(target, ip, d);
            case PTR -> ptr(target);
            case EXISTS -> !checked(dns.a(target), "A", target, true).isEmpty();
            default -> throw new IllegalStateException(d.type().name());
        };
    }

    private boolean include(String target, MacroContext ctx) {
        Outcome o = evaluate(target, ctx);
        return switch (o.result()) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case NONE -> throw new Abort(AuthResult.PERMERROR, "include target has no SPF record: " + o.problem());
            default -> throw new Abort(o.result(), o.problem());
        };
    }

    private boolean mx(String target, IpAddress ip, Directive d) {
        List<DnsResolver.Mx> hosts = checked(dns.mx(target), "MX", target, true);
        if (hosts.size() > MX_LIMIT) {
            throw new Abort(AuthResult.PERMERROR, target + " has " + hosts.size() + " MX records (limit 10)");
        }
        for (DnsResolver.Mx mx : hosts) {
            String host = SpfEvaluator.stripDot(mx.exchange());
            if (!host.isEmpty() && anyAddressMatches(addresses(host, ip, false), ip, d)) {
                return true;
            }
        }
        return false;
    }

    private boolean ptr(String target) {
        String t = SpfEvaluator.lower(target);
        for (String name : validatedNames(true)) {
            String n = SpfEvaluator.lower(name);
            if (n.equals(t) || n.endsWith("." + t)) {
                return true;
            }
        }
        return false;
    }

    /** %{p} (7.3): a validated name that is the domain or under it, else any validated name. */
    String validatedName(String domain) {
        List<String> names = validatedNames(false);
        String d = SpfEvaluator.lower(domain);
        for (String name : names) {
            String n = SpfEvaluator.lower(name);
            if (n.equals(d) || n.endsWith("." + d)) {
                return name;
            }
        }
        return names.isEmpty() ? "unknown" : names.get(0);
    }

    /**
     * Forward-confirmed PTR names of the client (5.5): at most 10 PTR names are tried, and a DNS
     * error only makes the mechanism not match, since the sender cannot control the client's PTR.
     */
    private List<String> validatedNames(boolean countVoid) {
        if (validatedNames != null) {
            return validatedNames;
        }
        DnsAnswer<String> answer = dns.ptr(ctxIp.toString());
        List<String> out = new ArrayList<>();
        if (answer.isVoid() && countVoid) {
            countVoid(ctxIp.reverseName());
        }
        List<String> names = answer.records();
        for (int i = 0; i < names.size() && i < PTR_LIMIT; i++) {
            String name = SpfEvaluator.stripDot(names.get(i));
            DnsAnswer<String> addrs = ctxIp.isV4() ? dns.a(name) : dns.aaaa(name);
            for (String a : addrs.records()) {
                if (ctxIp.sameAs(a)) {
                    out.add(name);
                    break;
                }
            }
        }
        validatedNames = out;
        return out;
    }

    private List<String> addresses(String host, IpAddress ip, boolean countVoid) {
        return ip.isV4() ? checked(dns.a(host), "A", host, countVoid) : checked(dns.aaaa(host), "AAAA", host, countVoid);
    }

    private static boolean anyAddressMatches(List<String> addresses, IpAddress ip, Directive d) {
        for (String a : addresses) {
            IpAddress candidate = IpAddress.parse(a);
            if (candidate != null && ip.inNetwork(candidate.bytes(), ip.isV4() ? d.cidr4() : d.cidr6())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one place where SPF maps DNS outcomes: a failure is temperror, an empty answer counts as
     * a void lookup (permerror past the limit) when the RFC says it should.
     */
    private <T> List<T> checked(DnsAnswer<T> answer, String type, String name, boolean countVoid) {
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            throw new Abort(AuthResult.TEMPERROR, type + " lookup for " + name + " failed: " + answer.detail());
        }
        if (answer.isVoid() && countVoid) {
            countVoid(name);
        }
        return answer.records();
    }

    private void countLookup(String term) {
        if (++lookups > options.lookupLimit()) {
            throw new Abort(AuthResult.PERMERROR,
                    "more than " + options.lookupLimit() + " DNS-querying terms (at '" + term + "')");
        }
    }

    private void countVoid(String name) {
        if (++voids > options.voidLookupLimit()) {
            throw new Abort(AuthResult.PERMERROR,
                    "more than " + options.voidLookupLimit() + " void DNS lookups (at " + name + ")");
        }
    }

    /** Expands a domain-spec into a query name: no trailing dot, cut to 253 octets from the left (7.3). */
    private static String targetName(String spec, MacroContext ctx) {
        String name = SpfEvaluator.stripDot(SpfMacro.expand(spec, ctx, false));
        if (name.length() <= 253) {
            return name;
        }
        // One cut at the first label boundary that leaves at most 253 octets (not a substring per
        // label: a hostile macro can expand to tens of thousands of labels).
        int dot = name.indexOf('.', name.length() - 254);
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /**
     * The explanation for a fail (6.2): any DNS trouble, several or no TXT records, bad syntax or
     * non-ASCII text fall back to the default, and the exp lookup never counts against the limits.
     */
    private String explain(SpfRecord record, MacroContext ctx) {
        if (record.explanation() == null) {
            return options.defaultExplanation();
        }
        String target = targetName(record.explanation().value(), ctx);
        if (!SpfEvaluator.isValidDomain(target)) {
            return options.defaultExplanation();
        }
        DnsAnswer<String> answer = dns.txt(target);
        if (answer.status() != DnsAnswer.Status.OK || answer.records().size() != 1) {
            return options.defaultExplanation();
        }
        String text = answer.records().get(0);
        try {
            SpfMacro.validate(text, true, 0);
        } catch (SpfSyntaxException e) {
            return options.defaultExplanation();
        }
        return SpfMacro.expand(text, ctx, true);
    }
}
