package dev.smtpd4c.auth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smtpd4c.auth.dns.DnsServerConfig;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.HttpsMtaStsPolicyFetcher;
import dev.smtpd4c.auth.records.MtaStsPolicyFetcher;
import dev.smtpd4c.auth.report.DomainChecker;
import dev.smtpd4c.auth.report.DomainReport;
import dev.smtpd4c.auth.report.DomainSpec;
import dev.smtpd4c.auth.report.Requirement;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.ResolverConfig;

/**
 * {@code ./smtpd4c check-domain DOMAIN [--dns HOST:PORT] [--json] [--selector S]... [--ip IP]...
 * [--from DOMAIN]... [--no-fetch]}: the domain report without the service, for people (default)
 * or scripts (--json). Exit 0 with a report, 2 on bad usage.
 */
public final class CheckDomain {

    private static final String USAGE = """
            usage: smtpd4c check-domain DOMAIN [--dns HOST:PORT] [--json] [--selector S]... [--ip IP]... [--from DOMAIN]... [--no-fetch]
              --dns HOST:PORT  resolver to ask (default: the system resolver)
              --json           the report as JSON
              --selector S     a DKIM selector to check (repeatable)
              --ip IP          a sending IP whose reverse DNS to check (repeatable)
              --from DOMAIN    a From domain used with DOMAIN (alignment; repeatable)
              --no-fetch       do not fetch the MTA-STS policy over HTTPS""";

    private CheckDomain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String domain = null;
        String dns = null;
        boolean json = false;
        boolean fetch = true;
        List<String> selectors = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (a) {
                case "--json" -> json = true;
                case "--no-fetch" -> fetch = false;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--dns", "--selector", "--ip", "--from" -> {
                    if (!hasValue) {
                        err.println("smtpd4c: " + a + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--dns" -> dns = v;
                        case "--selector" -> selectors.add(v);
                        case "--ip" -> ips.add(v);
                        default -> froms.add(v.toLowerCase(Locale.ROOT));
                    }
                }
                default -> {
                    if (a.startsWith("-") || domain != null) {
                        err.println("smtpd4c: unexpected argument '" + a + "'\n" + USAGE);
                        return 2;
                    }
                    domain = a.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
                }
            }
        }
        if (domain == null || domain.indexOf('.') < 0) {
            err.println("smtpd4c: a domain name is required\n" + USAGE);
            return 2;
        }
        DnsServerConfig server;
        DnsjavaResolver resolver;
        try {
            server = DnsServerConfig.of(dns != null ? dns : systemResolver()).withTimeout(Duration.ofSeconds(3));
            resolver = new DnsjavaResolver(server);
        } catch (RuntimeException e) {
            err.println("smtpd4c: bad --dns value: " + e.getMessage());
            return 2;
        }
        MtaStsPolicyFetcher fetcher = fetch ? new HttpsMtaStsPolicyFetcher(Duration.ofSeconds(5),
                HttpsMtaStsPolicyFetcher.DEFAULT_MAX_BYTES) : MtaStsPolicyFetcher.disabled();
        DomainReport report = new DomainChecker(resolver, fetcher, false)
                .check(new DomainSpec(domain, selectors, ips, froms), Instant.now());
        if (json) {
            try {
                out.println(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (Exception e) {
                err.println("smtpd4c: cannot write JSON: " + e.getMessage());
                return 1;
            }
        } else {
            print(report, server, out);
        }
        return 0;
    }

    private static void print(DomainReport r, DnsServerConfig server, PrintStream out) {
        out.printf("%s: grade %s  (%d errors, %d warnings; DNS %s:%d, %s)%n%n", r.domain(), r.grade(),
                r.count(dev.smtpd4c.auth.Severity.ERROR), r.count(dev.smtpd4c.auth.Severity.WARNING), server.host(),
                server.port(), r.checkedAt());
        out.println("Records");
        for (Map.Entry<String, String> e : r.records().entrySet()) {
            out.printf("  %-22s %s%n", e.getKey(), e.getValue().isEmpty() ? "(none)" : e.getValue());
        }
        out.println();
        out.println("Findings");
        if (r.findings().isEmpty()) {
            out.println("  none");
        }
        for (Finding f : r.findings()) {
            out.printf("  %-7s %-32s %s%n          %s%n", f.severity(), f.code(), f.subject(), f.message());
        }
        out.println();
        out.println("Gmail/Yahoo bulk-sender requirements");
        for (Requirement q : r.requirements()) {
            String mark = switch (q.status()) {
                case PASS -> "pass";
                case FAIL -> "FAIL";
                case CHECKED_PER_MESSAGE -> "per message";
            };
            out.printf("  %-11s %-52s %s%n", mark, q.title(), q.detail());
        }
    }

    private static String systemResolver() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            throw new IllegalStateException("no system resolver configured; pass --dns HOST:PORT");
        }
        String host = servers.get(0).getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + servers.get(0).getPort();
    }
}
