package dev.smtpd4c.auth.spf;

import static dev.smtpd4c.auth.spf.SpfFinding.Code;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a domain's SPF publishing the way checkdmarc does, but with this project's evaluator
 * rules: lookups per include tree, loops, void lookups, duplicates, ptr, several records, syntax
 * errors with position, record size, permissive "all" and the obsolete SPF RR type. Walks at most
 * {@link #MAX_RECORDS} records so a hostile include tree cannot make it run long.
 */
public final class SpfLinter {

    static final int MAX_RECORDS = 40;
    static final int MAX_DEPTH = 12;
    private static final int RECOMMENDED_MAX_BYTES = 450;
    private static final int UDP_MAX_BYTES = 512;

    private final DnsResolver dns;
    private final SpfOptions options;

    public SpfLinter(DnsResolver dns) {
        this(dns, SpfOptions.defaults());
    }

    public SpfLinter(DnsResolver dns, SpfOptions options) {
        this.dns = dns;
        this.options = options;
    }

    /** Per-lint state: findings, records visited, void lookups. */
    private final class Walk {
        final List<SpfFinding> findings = new ArrayList<>();
        int records;
        int voids;

        void add(Severity s, Code c, String domain, String message, int position) {
            findings.add(new SpfFinding(s, c, domain, message, position));
        }
    }

    public SpfLintReport lint(String domain) {
        String d = SpfEvaluator.stripDot(domain).toLowerCase(Locale.ROOT);
        Walk walk = new Walk();
        DnsAnswer<String> type99 = dns.spfType(d);
        if (type99.status() == DnsAnswer.Status.OK) {
            walk.add(Severity.WARNING, Code.DEPRECATED_SPF_RR, d,
                    "publishes the SPF RR type 99, which RFC 7208 removed; only the TXT record counts", -1);
        }
        String text = recordText(d, walk, true);
        if (text == null) {
            return new SpfLintReport(d, null, null, 0, walk.findings);
        }
        List<String> path = new ArrayList<>();
        path.add(d);
        SpfLookupNode tree = visit(d, "root", text, path, walk);
        if (tree.totalLookups() > options.lookupLimit()) {
            walk.add(Severity.ERROR, Code.TOO_MANY_LOOKUPS, d, "needs " + tree.totalLookups()
                    + " DNS lookups; receivers stop at " + options.lookupLimit() + " with permerror", -1);
        } else if (tree.totalLookups() >= options.lookupLimit() - 2) {
            walk.add(Severity.WARNING, Code.LOOKUPS_NEAR_LIMIT, d, "needs " + tree.totalLookups()
                    + " of " + options.lookupLimit() + " DNS lookups; one more include may break it", -1);
        }
        if (walk.voids > options.voidLookupLimit()) {
            walk.add(Severity.ERROR, Code.TOO_MANY_VOID_LOOKUPS, d, walk.voids
                    + " referenced names do not exist; receivers allow " + options.voidLookupLimit(), -1);
        }
        return new SpfLintReport(d, text, tree, walk.voids, walk.findings);
    }

    /** Lints one record's text on its own, without DNS (for records not yet published). */
    public static List<SpfFinding> lintText(String domain, String text) {
        List<SpfFinding> out = new ArrayList<>();
        SpfRecord record = parse(domain, text, out);
        if (record != null) {
            checkRecord(domain, record, out);
        }
        return out;
    }

    private String recordText(String domain, Walk walk, boolean root) {
        DnsAnswer<String> answer = dns.txt(domain);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            walk.add(Severity.WARNING, Code.DNS_FAILURE, domain, "TXT lookup failed: " + answer.detail(), -1);
            return null;
        }
        List<String> spf = answer.records().stream().filter(SpfRecord::isSpf).toList();
        if (spf.isEmpty()) {
            walk.add(root ? Severity.WARNING : Severity.ERROR, root ? Code.NO_RECORD : Code.INCLUDE_WITHOUT_RECORD,
                    domain, root ? "no SPF record: receivers get 'none' and cannot tell forged mail"
                            : "included or redirected to, but has no SPF record: permerror", -1);
            return null;
        }
        if (spf.size() > 1) {
            walk.add(Severity.ERROR, Code.SEVERAL_RECORDS, domain,
                    spf.size() + " SPF records; receivers return permerror. Merge them into one", -1);
            return null;
        }
        return spf.get(0);
    }

    private SpfLookupNode visit(String domain, String via, String text, List<String> path, Walk walk) {
        walk.records++;
        SpfRecord record = parse(domain, text, walk.findings);
        if (record == null) {
            return new SpfLookupNode(domain, via, 0, 0, List.of());
        }
        checkRecord(domain, record, walk.findings);
        int own = 0;
        int total = 0;
        List<SpfLookupNode> children = new ArrayList<>();
        for (Directive d : record.directives()) {
            if (!d.type().countsAsLookup()) {
                continue;
            }
            own++;
            if (d.type() == MechanismType.INCLUDE) {
                SpfLookupNode child = follow(domain, d.domainSpec(), "include", path, walk);
                if (child != null) {
                    children.add(child);
                    total += child.totalLookups();
                }
            } else if (d.type() == MechanismType.A || d.type() == MechanismType.MX) {
                checkTarget(domain, d, walk);
            }
        }
        if (record.redirect() != null) {
            own++;
            SpfLookupNode child = follow(domain, record.redirect().value(), "redirect", path, walk);
            if (child != null) {
                children.add(child);
                total += child.totalLookups();
            }
        }
        return new SpfLookupNode(domain, via, own, own + total, children);
    }

    private SpfLookupNode follow(String from, String spec, String via, List<String> path, Walk walk) {
        if (spec.indexOf('%') >= 0) {
            walk.add(Severity.INFO, Code.MACRO_TARGET, from, via + ":" + spec
                    + " depends on the message (macros); its lookups are not counted here", -1);
            return null;
        }
        String target = SpfEvaluator.stripDot(spec).toLowerCase(Locale.ROOT);
        if (path.contains(target)) {
            walk.add(Severity.ERROR, Code.LOOP, from, via + ":" + target + " loops back ("
                    + String.join(" -> ", path) + " -> " + target + "); receivers return permerror", -1);
            return null;
        }
        if (path.size() >= MAX_DEPTH || walk.records >= MAX_RECORDS) {
            walk.add(Severity.ERROR, Code.TOO_MANY_LOOKUPS, from, "include tree deeper or larger than "
                    + "any receiver will follow (stopped at " + target + ")", -1);
            return null;
        }
        String text = recordText(target, walk, false);
        if (text == null) {
            if (dns.txt(target).status() == DnsAnswer.Status.NXDOMAIN) {
                walk.voids++;
            }
            return null;
        }
        path.add(target);
        SpfLookupNode node = visit(target, via, text, path, walk);
        path.remove(path.size() - 1);
        return node;
    }

    /** a:/mx: targets that do not exist are void lookups, and mx beyond 10 hosts is a permerror. */
    private void checkTarget(String domain, Directive d, Walk walk) {
        if (d.domainSpec() != null && d.domainSpec().indexOf('%') >= 0) {
            return;
        }
        String target = d.domainSpec() == null ? domain : SpfEvaluator.stripDot(d.domainSpec());
        DnsAnswer<?> answer = d.type() == MechanismType.MX ? dns.mx(target) : dns.a(target);
        if (d.type() == MechanismType.A && answer.isVoid()) {
            answer = dns.aaaa(target);
        }
        if (answer.isVoid()) {
            walk.voids++;
            walk.add(Severity.WARNING, Code.VOID_LOOKUP, domain, "'" + d.text() + "': " + target
                    + " has no " + (d.type() == MechanismType.MX ? "MX" : "address") + " record", d.position());
        } else if (d.type() == MechanismType.MX && answer.records().size() > 10) {
            walk.add(Severity.ERROR, Code.TOO_MANY_MX, domain, "'" + d.text() + "': " + target + " has "
                    + answer.records().size() + " MX records; more than 10 is a permerror", d.position());
        }
    }

    private static SpfRecord parse(String domain, String text, List<SpfFinding> out) {
        try {
            return SpfParser.parse(text);
        } catch (SpfSyntaxException e) {
            out.add(new SpfFinding(Severity.ERROR, Code.SYNTAX_ERROR, domain, e.getMessage(), e.position()));
            return null;
        }
    }

    /** Checks that need only the record text. */
    private static void checkRecord(String domain, SpfRecord record, List<SpfFinding> out) {
        int bytes = record.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > UDP_MAX_BYTES) {
            out.add(new SpfFinding(Severity.ERROR, Code.RECORD_OVER_512_BYTES, domain, "record is " + bytes
                    + " bytes; answers over 512 bytes need EDNS or TCP and some receivers fail", -1));
        } else if (bytes > RECOMMENDED_MAX_BYTES) {
            out.add(new SpfFinding(Severity.WARNING, Code.RECORD_OVER_450_BYTES, domain, "record is " + bytes
                    + " bytes; RFC 7208 section 3.4 advises staying under 450", -1));
        }
        Set<String> seen = new HashSet<>();
        Directive all = null;
        for (Directive d : record.directives()) {
            if (all != null) {
                out.add(new SpfFinding(Severity.WARNING, Code.TERMS_AFTER_ALL, domain, "'" + d.text()
                        + "' comes after 'all' and is never evaluated", d.position()));
            }
            if (!seen.add(d.text().toLowerCase(Locale.ROOT))) {
                out.add(new SpfFinding(Severity.WARNING, Code.DUPLICATE_TERM, domain, "'" + d.text()
                        + "' appears more than once", d.position()));
            }
            if (d.type() == MechanismType.PTR) {
                out.add(new SpfFinding(Severity.WARNING, Code.PTR_USED, domain, "'" + d.text()
                        + "': RFC 7208 says ptr SHOULD NOT be used (slow, unreliable); list addresses instead",
                        d.position()));
            }
            if (d.type() == MechanismType.ALL && all == null) {
                all = d;
                if (d.qualifier() == Qualifier.PASS) {
                    out.add(new SpfFinding(Severity.ERROR, Code.PASS_ALL, domain,
                            "'" + d.text() + "' authorises every host on the Internet", d.position()));
                } else if (d.qualifier() == Qualifier.NEUTRAL) {
                    out.add(new SpfFinding(Severity.WARNING, Code.NEUTRAL_ALL, domain,
                            "'" + d.text() + "' asserts nothing about other hosts; use ~all or -all", d.position()));
                }
            }
        }
        if (all != null && record.redirect() != null) {
            out.add(new SpfFinding(Severity.WARNING, Code.REDIRECT_WITH_ALL, domain,
                    "redirect= is ignored because the record has 'all'", record.redirect().position()));
        }
        if (all == null && record.redirect() == null) {
            out.add(new SpfFinding(Severity.WARNING, Code.NO_ALL, domain,
                    "no 'all' and no redirect: unlisted hosts get neutral; end with ~all or -all", -1));
        }
    }
}
