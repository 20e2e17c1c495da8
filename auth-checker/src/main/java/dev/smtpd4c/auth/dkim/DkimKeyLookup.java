package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.dns.DnsAnswer;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.AuthResult;

/**
 * Fetches key records. This is the one place where DKIM (and ARC, which uses the same keys)
 * maps DNS outcomes to results: a missing record is PERMERROR (RFC 6376 6.1.2 "no key for
 * signature"), a DNS failure is TEMPERROR so the receiver may retry.
 */
public final class DkimKeyLookup {

    private final DnsResolver dns;

    public DkimKeyLookup(DnsResolver dns) {
        this.dns = dns;
    }

    public sealed interface Outcome {
        record Found(DkimKeyRecord key) implements Outcome {}

        record Failed(AuthResult result, String reason) implements Outcome {}
    }

    public Outcome lookup(String name) {
        DnsAnswer<String> answer;
        try {
            answer = dns.txt(name);
        } catch (RuntimeException e) {
            // The resolver contract says it never throws; if one does, retrying is the safe advice.
            return new Outcome.Failed(AuthResult.TEMPERROR, "DNS lookup of " + name + " failed: " + e.getMessage());
        }
        return switch (answer.status()) {
            case TEMPFAIL -> new Outcome.Failed(AuthResult.TEMPERROR, "DNS lookup of " + name + " failed: " + answer.detail());
            case NXDOMAIN, NODATA -> new Outcome.Failed(AuthResult.PERMERROR, "no key record at " + name);
            case OK -> firstValid(name, answer);
        };
    }

    /** RFC 6376 3.6.2.2 lets a verifier pick among several records; we take the first that parses. */
    private static Outcome firstValid(String name, DnsAnswer<String> answer) {
        String firstProblem = null;
        for (String txt : answer.records()) {
            switch (DkimKeyRecordParser.parse(txt)) {
                case DkimKeyRecord.Parsed.Ok ok -> {
                    return new Outcome.Found(ok.key());
                }
                case DkimKeyRecord.Parsed.Invalid bad -> {
                    if (firstProblem == null) {
                        firstProblem = bad.reason();
                    }
                }
            }
        }
        return new Outcome.Failed(AuthResult.PERMERROR, firstProblem == null ? "no key record at " + name : firstProblem);
    }
}
