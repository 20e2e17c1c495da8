package dev.smtpd4c.auth.records;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MTA-STS (RFC 8461): the {@code _mta-sts} TXT record, and, when there is one, the policy it
 * announces, fetched through {@link MtaStsPolicyFetcher} and matched against the MX hosts.
 */
public final class MtaStsCheck {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final long ONE_DAY = 86_400;

    private final DnsResolver dns;
    private final MtaStsPolicyFetcher fetcher;

    public MtaStsCheck(DnsResolver dns, MtaStsPolicyFetcher fetcher) {
        this.dns = dns;
        this.fetcher = fetcher;
    }

    /** Value: the TXT record, plus "; mode=..." when the policy was read. */
    public RecordCheck check(String domain, List<String> mxHosts) {
        String name = "_mta-sts." + domain;
        List<Finding> out = new ArrayList<>();
        DnsAnswer<String> answer = dns.txt(name);
        if (answer.status() == DnsAnswer.Status.TEMPFAIL) {
            out.add(new Finding("mta-sts.dns-failure", Severity.WARNING, name, "TXT lookup failed: " + answer.detail()));
            return new RecordCheck("mta-sts", "", out);
        }
        List<String> records = TagRecords.withVersion(answer.records(), "STSv1");
        if (records.isEmpty()) {
            out.add(new Finding("mta-sts.absent", Severity.INFO, name,
                    "no MTA-STS record: senders cannot insist on TLS when delivering to this domain"));
            return new RecordCheck("mta-sts", "", out);
        }
        if (records.size() > 1) {
            out.add(new Finding("mta-sts.several-records", Severity.ERROR, name,
                    records.size() + " MTA-STS records; senders then ignore MTA-STS (RFC 8461 3.1). Keep one"));
            return new RecordCheck("mta-sts", String.join(" | ", records), out);
        }
        String record = records.get(0);
        Map<String, String> tags = TagRecords.parse(record);
        String id = tags == null ? null : tags.get("id");
        if (id == null || !ID.matcher(id).matches()) {
            out.add(new Finding("mta-sts.invalid-id", Severity.ERROR, name, "id= must be 1 to 32 letters or digits, got '"
                    + id + "'; senders ignore the record"));
            return new RecordCheck("mta-sts", record, out);
        }
        return new RecordCheck("mta-sts", record + policy(domain, mxHosts, out), out);
    }

    private String policy(String domain, List<String> mxHosts, List<Finding> out) {
        String subject = "mta-sts." + domain;
        MtaStsPolicy policy;
        switch (fetcher.fetch(domain)) {
            case MtaStsPolicyFetcher.Result.Failed f -> {
                out.add(new Finding("mta-sts.policy-unavailable", Severity.ERROR, subject,
                        "the TXT record announces a policy, but it cannot be read: " + f.reason()));
                return "";
            }
            case MtaStsPolicyFetcher.Result.Fetched ok -> {
                switch (MtaStsPolicy.parse(ok.policy())) {
                    case MtaStsPolicy.Parsed.Invalid bad -> {
                        out.add(new Finding("mta-sts.policy-invalid", Severity.ERROR, subject,
                                "the policy file is invalid: " + bad.reason()));
                        return "";
                    }
                    case MtaStsPolicy.Parsed.Ok p -> policy = p.policy();
                }
            }
        }
        switch (policy.mode()) {
            case "testing" -> out.add(new Finding("mta-sts.testing", Severity.INFO, subject,
                    "policy in testing mode: failures are reported (TLS-RPT) but mail is still delivered"));
            case "none" -> out.add(new Finding("mta-sts.mode-none", Severity.WARNING, subject,
                    "policy mode none: MTA-STS is switched off"));
            default -> { }
        }
        if (!policy.mode().equals("none")) {
            for (String host : mxHosts) {
                if (!policy.allows(host)) {
                    out.add(new Finding("mta-sts.mx-not-in-policy", Severity.ERROR, host, "MX host " + host
                            + " matches no mx: line of the policy; in enforce mode senders will not deliver to it"));
                }
            }
        }
        if (policy.maxAge() < ONE_DAY && policy.mode().equals("enforce")) {
            out.add(new Finding("mta-sts.short-max-age", Severity.WARNING, subject, "max_age " + policy.maxAge()
                    + " s is under a day; RFC 8461 advises weeks so an attacker cannot wait it out"));
        }
        return "; mode=" + policy.mode() + "; max_age=" + policy.maxAge() + "; mx=" + String.join(",", policy.mx());
    }
}
