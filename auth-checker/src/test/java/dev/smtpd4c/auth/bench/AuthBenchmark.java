package dev.smtpd4c.auth.bench;

import dev.smtpd4c.auth.dmarc.DmarcDiscovery;
import dev.smtpd4c.auth.dmarcreport.AggregateReportReader;
import dev.smtpd4c.auth.dmarcreport.DmarcReports;
import dev.smtpd4c.auth.dmarcreport.ReportFormatException;
import dev.smtpd4c.auth.dmarcreport.ReportLimits;
import dev.smtpd4c.auth.dmarc.DmarcEvaluator;
import dev.smtpd4c.auth.dmarc.DmarcResult;
import dev.smtpd4c.auth.dmarc.ReportDestinationVerifier;
import dev.smtpd4c.auth.dmarc.TreeWalkOrganizationalDomains;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.dns.DnsServerConfig;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.records.MtaStsPolicyFetcher;
import dev.smtpd4c.auth.report.DomainChecker;
import dev.smtpd4c.auth.report.DomainSpec;
import dev.smtpd4c.auth.spf.SpfEvaluator;
import dev.smtpd4c.auth.spf.SpfLinter;
import dev.smtpd4c.auth.spf.SpfResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of SPF + DMARC evaluation against the loopback DNS server, run by bench/auth-bench.sh.
 * Not a test: a main class in test sources so it never ships. Prints one line per measurement:
 * {@code name n p50_us p99_us}.
 */
public final class AuthBenchmark {

    /** The same queries bench/pyspf_bench.py sends: ip, MAIL FROM, HELO. */
    static final List<String[]> QUERIES = List.of(
            new String[] {"192.0.2.30", "user@good.test", "mail.good.test"},
            new String[] {"192.0.2.26", "user@good.test", "mx2.good.test"},
            new String[] {"198.51.100.1", "user@good.test", "spam.example"},
            new String[] {"192.0.2.40", "user@news.good.test", "news.good.test"},
            new String[] {"192.0.2.200", "user@loop.broken-spf.test", "h.example"},
            new String[] {"192.0.2.200", "user@toomany.broken-spf.test", "h.example"},
            new String[] {"198.51.100.5", "user@long.broken-spf.test", "h.example"},
            new String[] {"192.0.2.90", "user@signed.auth.test", "signed.auth.test"});

    private AuthBenchmark() {}

    public static void main(String[] args) {
        DnsServerConfig config = DnsServerConfig.of(args.length > 0 ? args[0] : "127.0.0.1:15353");
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int cold = args.length > 2 ? Integer.parseInt(args[2]) : 300;

        DnsjavaResolver cached = new DnsjavaResolver(config);
        if (args.length > 3) { // differential mode: print every domain x IP result, no timing
            differential(cached, java.nio.file.Path.of(args[3]));
            return;
        }
        for (String[] q : QUERIES) { // the answers, to compare with pyspf's
            System.out.printf(Locale.ROOT, "result\tjava\t%s\t%s\t%s%n", q[0], q[1],
                    new SpfEvaluator(cached).check(q[0], q[1], q[2]).result().word());
        }
        for (int i = 0; i < warm; i++) { // JIT warm-up and cache fill
            check(cached, QUERIES.get(i % QUERIES.size()), true);
        }
        report("java spf warm", time(warm, i -> check(cached, QUERIES.get(i % QUERIES.size()), false)));
        report("java spf+dmarc warm", time(warm, i -> check(cached, QUERIES.get(i % QUERIES.size()), true)));
        for (int i = 0; i < cold; i++) { // the cold path (new resolver, UDP round trips) needs JIT warm-up too
            check(fresh(config), QUERIES.get(i % QUERIES.size()), true);
        }
        report("java spf cold", time(cold, i -> check(fresh(config), QUERIES.get(i % QUERIES.size()), false)));
        report("java spf+dmarc cold", time(cold, i -> check(fresh(config), QUERIES.get(i % QUERIES.size()), true)));
        report("java domain report cold (good.test)", time(cold / 3, i -> domainReport(fresh(config), "good.test")));
        report("java full report cold (good.test)", time(cold / 3, i -> fullReport(fresh(config), GOOD)));
        report("java full report cold (shop.test)", time(cold / 3, i -> fullReport(fresh(config), SHOP)));
        AggregateReportReader reader = new AggregateReportReader(ReportLimits.DEFAULT);
        int[] sizes = {10_000, 20_000, 40_000}; // linear in the report's size?
        byte[][] reports = new byte[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            reports[k] = DmarcReports.gzip(DmarcReports.bytes(DmarcReports.xml("bench.example", "b", "good.test", 0, 86400,
                    java.util.stream.IntStream.range(0, sizes[k]).mapToObj(i -> "192.0." + (i >> 8 & 255) + "." + (i & 255)
                            + ",3,good.test").toArray(String[]::new))));
        }
        byte[] largest = reports[sizes.length - 1];
        time(5, i -> read(reader, largest)); // JIT warm-up on the largest, so the sizes compare
        for (int k = 0; k < sizes.length; k++) {
            byte[] gz = reports[k];
            report("dmarc report read, gzip, " + sizes[k] + " records (" + gz.length / 1024 + " KiB)",
                    time(5, i -> read(reader, gz)));
        }
    }

    private static void differential(DnsResolver dns, java.nio.file.Path cases) {
        List<String> domains = List.of();
        List<String> ips = List.of();
        try {
            for (String line : java.nio.file.Files.readAllLines(cases)) {
                List<String> words = List.of(line.strip().split("\\s+"));
                if (words.get(0).equals("domains")) {
                    domains = words.subList(1, words.size());
                } else if (words.get(0).equals("ips")) {
                    ips = words.subList(1, words.size());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String d : domains) {
            for (String ip : ips) {
                System.out.printf(Locale.ROOT, "%s %s %s%n", d, ip,
                        new SpfEvaluator(dns).check(ip, "user@" + d, "helo.example").result().word());
            }
        }
    }

    private static DnsjavaResolver fresh(DnsServerConfig config) {
        return new DnsjavaResolver(config.withCacheEntries(0));
    }

    private static Object check(DnsResolver dns, String[] q, boolean dmarc) {
        SpfResult spf = new SpfEvaluator(dns).check(q[0], q[1], q[2]);
        if (!dmarc) {
            return spf;
        }
        String from = q[1].substring(q[1].indexOf('@') + 1);
        return new DmarcEvaluator(dns).evaluate(from, spf, List.of());
    }

    /** What the domain report needs from DNS for SPF and DMARC: lint, policy, report authorisation. */
    private static Object domainReport(DnsResolver dns, String domain) {
        var lint = new SpfLinter(dns).lint(domain);
        DmarcResult d = new DmarcEvaluator(dns).evaluate(domain, null, List.of());
        var orgs = new TreeWalkOrganizationalDomains(new DmarcDiscovery(dns));
        var dest = new ReportDestinationVerifier(dns, orgs).verify(d.policyDomain(), d.record());
        return List.of(lint, d, dest);
    }

    private static final DomainSpec GOOD = new DomainSpec("good.test", List.of(), List.of("192.0.2.25"), List.of());
    private static final DomainSpec SHOP = new DomainSpec("shop.test", List.of("mail"), List.of("198.51.100.10"),
            List.of("shop.test"));

    /**
     * The whole report GET /api/v1/domains/{d}/report computes (SPF lint, DMARC, report authorisation,
     * DKIM selectors, MX, FCrDNS of the sending IPs, MTA-STS TXT, TLS-RPT, BIMI, DNSSEC, grade,
     * requirements), without the MTA-STS policy's HTTPS fetch: there is no HTTPS server for the test
     * zones, and a fetch from the Internet would measure someone else's server.
     */
    private static Object fullReport(DnsResolver dns, DomainSpec spec) {
        return new DomainChecker(dns, MtaStsPolicyFetcher.disabled(), false).check(spec, Instant.now());
    }

    private static Object read(AggregateReportReader reader, byte[] upload) {
        try {
            return reader.read(upload);
        } catch (ReportFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Op {
        Object run(int i);
    }

    private static long[] time(int n, Op op) {
        long[] nanos = new long[n];
        Object sink = null;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            sink = op.run(i);
            nanos[i] = System.nanoTime() - t0;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return nanos;
    }

    private static void report(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s\t%d\t%.1f\t%.1f%n", name, s.length, s[s.length / 2] / 1000.0,
                s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1000.0);
    }
}
