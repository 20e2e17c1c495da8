package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A TXT-only resolver for pure unit and conformance tests, fed from the suites' own data
 * (the ARC YAML txt-records, the DKIM zone fragment). Names not added are NXDOMAIN; names
 * added with {@link #tempfail} answer TEMPFAIL.
 */
public final class InMemoryDns implements DnsResolver {

    private final Map<String, List<String>> txt = new HashMap<>();
    private final List<String> tempfail = new ArrayList<>();
    private int txtQueries;

    public InMemoryDns txt(String name, String value) {
        txt.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
        return this;
    }

    public InMemoryDns tempfail(String name) {
        tempfail.add(key(name));
        return this;
    }

    /**
     * Loads zone-file TXT lines ({@code owner ttl IN TXT "chunk" "chunk"}); the chunks of one
     * record are joined, as RFC 6376 3.6.2.2 asks. Comment and blank lines are skipped.
     */
    public InMemoryDns zone(String zoneText) {
        for (String line : zoneText.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith(";")) {
                continue;
            }
            int txtAt = l.indexOf(" TXT ");
            if (txtAt < 0) {
                continue;
            }
            String owner = l.substring(0, l.indexOf(' '));
            StringBuilder value = new StringBuilder();
            String rest = l.substring(txtAt + 5);
            int q = rest.indexOf('"');
            while (q >= 0) {
                int end = rest.indexOf('"', q + 1);
                value.append(rest, q + 1, end);
                q = rest.indexOf('"', end + 1);
            }
            txt(owner, value.toString());
        }
        return this;
    }

    /** How many TXT questions were asked, for tests of lookup economy. */
    public int txtQueries() {
        return txtQueries;
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        txtQueries++;
        String k = key(name);
        if (tempfail.contains(k)) {
            return DnsAnswer.of(DnsAnswer.Status.TEMPFAIL, "simulated timeout");
        }
        List<String> records = txt.get(k);
        return records == null ? DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "") : DnsAnswer.ok(records);
    }

    @Override
    public DnsAnswer<String> a(String name) {
        return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
    }

    @Override
    public DnsAnswer<String> aaaa(String name) {
        return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
    }

    @Override
    public DnsAnswer<Mx> mx(String name) {
        return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
    }

    @Override
    public DnsAnswer<String> ptr(String ipAddress) {
        return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "");
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
