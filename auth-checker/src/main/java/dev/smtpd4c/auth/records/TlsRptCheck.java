package dev.smtpd4c.auth.records;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SMTP TLS Reporting (RFC 8460): one {@code _smtp._tls} record with mailto: or https: rua= URIs. */
public final class TlsRptCheck {

    private final DnsResolver dns;

    public TlsRptCheck(DnsResolver dns) {
        this.dns = dns;
    }

    public RecordCheck check(String domain) {
        String name = "_smtp._tls." + domain;
        List<Finding> out = new ArrayList<>();
        DnsAnswer<String> answer = dns.txt(name);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            out.add(new Finding("tls-rpt.dns-failure", Severity.WARNING, name, "TXT lookup failed: " + answer.detail()));
            return new RecordCheck("tls-rpt", "", out);
        }
        List<String> records = TagRecords.withVersion(answer.records(), "TLSRPTv1");
        if (records.isEmpty()) {
            out.add(new Finding("tls-rpt.absent", Severity.INFO, name,
                    "no TLS-RPT record: you will not hear when senders fail to deliver over TLS"));
            return new RecordCheck("tls-rpt", "", out);
        }
        if (records.size() > 1) {
            out.add(new Finding("tls-rpt.several-records", Severity.ERROR, name,
                    records.size() + " TLS-RPT records; reporters then send no reports (RFC 8460 3). Keep one"));
            return new RecordCheck("tls-rpt", String.join(" | ", records), out);
        }
        String record = records.get(0);
        Map<String, String> tags = TagRecords.parse(record);
        String rua = tags == null ? null : tags.get("rua");
        if (rua == null || rua.isBlank()) {
            out.add(new Finding("tls-rpt.no-rua", Severity.ERROR, name, "the record has no rua=: reporters have nowhere "
                    + "to send reports. Add rua=mailto:tls-reports@" + domain));
        } else {
            for (String uri : rua.split(",")) {
                String u = uri.strip().toLowerCase(Locale.ROOT);
                if (!u.startsWith("mailto:") && !u.startsWith("https:")) {
                    out.add(new Finding("tls-rpt.invalid-rua", Severity.ERROR, name,
                            "rua '" + uri.strip() + "' is neither mailto: nor https:"));
                }
            }
        }
        return new RecordCheck("tls-rpt", record, out);
    }
}
