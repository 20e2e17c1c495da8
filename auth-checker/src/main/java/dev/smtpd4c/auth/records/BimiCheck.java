package dev.smtpd4c.auth.records;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dmarc.DmarcPolicy;
import dev.smtpd4c.auth.dmarc.DmarcRecord;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BIMI ({@code default._bimi} TXT, draft-brand-indicators-for-message-identification): the record
 * itself and its DMARC prerequisite (p=quarantine or reject, at 100%, subdomains not exempt). The
 * logo (l=) and evidence (a=) URLs are checked as text only: never fetched.
 */
public final class BimiCheck {

    private final DnsResolver dns;

    public BimiCheck(DnsResolver dns) {
        this.dns = dns;
    }

    /** @param dmarc the DMARC record governing the domain, null when there is none */
    public RecordCheck check(String domain, DmarcRecord dmarc) {
        String name = "default._bimi." + domain;
        List<Finding> out = new ArrayList<>();
        DnsAnswer<String> answer = dns.txt(name);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            out.add(new Finding("bimi.dns-failure", Severity.WARNING, name, "TXT lookup failed: " + answer.detail()));
            return new RecordCheck("bimi", "", out);
        }
        List<String> records = TagRecords.withVersion(answer.records(), "BIMI1");
        if (records.isEmpty()) {
            out.add(new Finding("bimi.absent", Severity.INFO, name, "no BIMI record: mailbox providers show no logo"));
            return new RecordCheck("bimi", "", out);
        }
        if (records.size() > 1) {
            out.add(new Finding("bimi.several-records", Severity.ERROR, name,
                    records.size() + " BIMI records; receivers ignore them all. Keep one"));
            return new RecordCheck("bimi", String.join(" | ", records), out);
        }
        String record = records.get(0);
        Map<String, String> tags = TagRecords.parse(record);
        if (tags == null || !tags.containsKey("l")) {
            out.add(new Finding("bimi.invalid", Severity.ERROR, name, "the record is not tag=value pairs with an l= tag"));
            return new RecordCheck("bimi", record, out);
        }
        String logo = tags.get("l");
        if (logo.isEmpty()) {
            out.add(new Finding("bimi.declined", Severity.INFO, name, "empty l=: the domain declines to show a logo"));
        } else {
            if (!logo.toLowerCase(Locale.ROOT).startsWith("https://")) {
                out.add(new Finding("bimi.logo-not-https", Severity.ERROR, name, "l=" + logo
                        + " must be an https: URL; receivers do not fetch logos otherwise"));
            }
            if (!logo.toLowerCase(Locale.ROOT).endsWith(".svg")) {
                out.add(new Finding("bimi.logo-not-svg", Severity.WARNING, name, "l=" + logo
                        + " does not look like an SVG file; BIMI logos are SVG Tiny PS"));
            }
            String evidence = tags.getOrDefault("a", "");
            if (evidence.isEmpty()) {
                out.add(new Finding("bimi.no-evidence", Severity.INFO, name,
                        "no a= (mark certificate): Gmail and Apple show no logo without one"));
            } else if (!evidence.toLowerCase(Locale.ROOT).startsWith("https://")) {
                out.add(new Finding("bimi.evidence-not-https", Severity.ERROR, name, "a=" + evidence
                        + " must be an https: URL"));
            }
        }
        String problem = enforcementProblem(dmarc);
        if (problem != null) {
            out.add(new Finding("bimi.dmarc-not-enforced", Severity.ERROR, domain, "BIMI needs DMARC enforcement ("
                    + "p=quarantine or p=reject at pct=100, sp not none), but " + problem + "; no logo will show"));
        }
        return new RecordCheck("bimi", record, out);
    }

    static String enforcementProblem(DmarcRecord dmarc) {
        if (dmarc == null) {
            return "there is no DMARC record";
        }
        if (dmarc.policy() == DmarcPolicy.NONE) {
            return "the policy is p=none";
        }
        if (dmarc.subdomainPolicy() == DmarcPolicy.NONE) {
            return "sp=none exempts subdomains";
        }
        Map<String, String> tags = TagRecords.parse(dmarc.text());
        String pct = tags == null ? null : tags.get("pct");
        if (dmarc.testing() || (pct != null && !pct.equals("100"))) {
            return "the policy applies to part of the mail only (pct=" + pct + (dmarc.testing() ? ", or t=y" : "") + ")";
        }
        return null;
    }
}
