package dev.smtpd4c.auth.report;

import dev.smtpd4c.auth.Severity;
import dev.smtpd4c.auth.dkim.DkimAlgorithm;
import dev.smtpd4c.auth.dkim.DkimKeyLookup;
import dev.smtpd4c.auth.dkim.DkimKeyRecord;
import dev.smtpd4c.auth.dkim.KeyPolicy;
import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.records.Finding;
import dev.smtpd4c.auth.records.RecordCheck;
import java.util.ArrayList;
import java.util.List;

/** The key of each registered DKIM selector: present, usable for mail, size, revoked, testing. */
final class DkimSection {

    /** @param usable the key can verify mail (not revoked, not too short, allowed for email) */
    record Outcome(RecordCheck check, boolean usable) {}

    private DkimSection() {}

    static Outcome check(DnsResolver dns, DkimKeyLookup keys, String domain, String selector) {
        String name = selector + "._domainkey." + domain;
        List<Finding> out = new ArrayList<>();
        boolean usable = false;
        switch (keys.lookup(name)) {
            case DkimKeyLookup.Outcome.Failed f -> out.add(switch (f.result()) {
                case TEMPERROR -> new Finding("dkim.dns-failure", Severity.WARNING, name, f.reason());
                default -> new Finding("dkim.no-key", Severity.ERROR, name, f.reason()
                        + "; mail signed with selector " + selector + " fails DKIM");
            });
            case DkimKeyLookup.Outcome.Found found -> {
                DkimKeyRecord key = found.key();
                if (key.revoked()) {
                    out.add(new Finding("dkim.key-revoked", Severity.ERROR, name,
                            "the key is revoked (empty p=); mail signed with it fails DKIM"));
                } else if (key.keyType() == DkimAlgorithm.KeyType.RSA && key.keyBits() < KeyPolicy.MIN_RSA_BITS) {
                    out.add(new Finding("dkim.key-too-short", Severity.ERROR, name, key.keyBits()
                            + "-bit RSA key: verifiers reject keys under " + KeyPolicy.MIN_RSA_BITS + " bits (RFC 8301)"));
                } else if (!key.allowsEmail()) {
                    out.add(new Finding("dkim.key-not-for-email", Severity.ERROR, name, "s= excludes email"));
                } else {
                    usable = true;
                    if (key.keyType() == DkimAlgorithm.KeyType.RSA && key.keyBits() < KeyPolicy.RECOMMENDED_RSA_BITS) {
                        out.add(new Finding("dkim.key-under-2048", Severity.WARNING, name, key.keyBits()
                                + "-bit RSA key; RFC 8301 recommends 2048 bits. Rotate to a longer key"));
                    }
                }
                if (key.testing()) {
                    out.add(new Finding("dkim.key-testing", Severity.WARNING, name,
                            "t=y: the domain says it is testing DKIM; remove t=y once signing works"));
                }
            }
        }
        String value = String.join(" | ", dns.txt(name).records());
        return new Outcome(new RecordCheck("dkim " + selector, value, out), usable);
    }
}
