package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9989 DNS Tree Walk (section 4.10): the author domain first, then its parents, jumping
 * to at most seven labels, so at most eight queries per walk whatever the name's depth.
 */
public final class DmarcDiscovery {

    /** Names below this many labels are walked one label at a time; deeper ones jump to 7 labels. */
    static final int MAX_LABELS_AFTER_FIRST = 7;

    private final DnsResolver dns;

    public DmarcDiscovery(DnsResolver dns) {
        this.dns = dns;
    }

    /**
     * The policy record that governs mail from a domain.
     *
     * @param record the record, null when no valid record exists anywhere on the walk
     * @param domain where it was found (null with no record)
     */
    public record Policy(DmarcRecord record, String domain) {}

    /** Policy discovery: the first valid DMARC record on the walk. */
    public Policy discover(String authorDomain) throws DmarcTempException {
        for (String name : walk(authorDomain)) {
            DmarcRecord r = recordAt(name);
            if (r != null) {
                return new Policy(r, name);
            }
        }
        return new Policy(null, null);
    }

    /**
     * The single valid DMARC record published for a domain, or null when there is none or more
     * than one (several records are all discarded, section 4.10 step 2).
     */
    public DmarcRecord recordAt(String domain) throws DmarcTempException {
        DnsAnswer<String> answer = dns.txt("_dmarc." + domain);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            throw new DmarcTempException("DMARC lookup for _dmarc." + domain + " failed: " + answer.detail());
        }
        String found = null;
        for (String txt : answer.records()) {
            if (DmarcRecord.isDmarc(txt)) {
                if (found != null) {
                    return null;
                }
                found = txt;
            }
        }
        return found == null ? null : DmarcRecordParser.parse(found);
    }

    /** The names the tree walk queries, in order (without the "_dmarc." prefix). */
    public static List<String> walk(String domain) {
        String d = PublicSuffixOrganizationalDomains.normalise(domain);
        if (d == null || d.isEmpty()) {
            return List.of();
        }
        String[] labels = d.split("\\.");
        List<String> names = new ArrayList<>(8);
        names.add(d);
        int count = Math.min(labels.length - 1, MAX_LABELS_AFTER_FIRST);
        for (int keep = count; keep >= 1; keep--) {
            names.add(String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length)));
        }
        return names;
    }

    /** The rightmost {@code labels} labels of a name. */
    static String rightmost(String domain, int labels) {
        String[] parts = domain.split("\\.");
        int from = Math.max(0, parts.length - labels);
        return String.join(".", java.util.Arrays.copyOfRange(parts, from, parts.length));
    }

    static int labelCount(String domain) {
        return domain.split("\\.").length;
    }
}
