package dev.smtpd4c.auth.dmarc;

import java.util.List;
import java.util.Set;

/**
 * A DMARC policy record with defaults applied (RFC 9989 section 4.7). Invalid tag values have
 * been replaced by their defaults; {@link #findings()} says which.
 *
 * @param text the record as published
 * @param policy p= (none when missing or invalid)
 * @param subdomainPolicy sp=, or null when absent (then p applies)
 * @param nonExistentPolicy np=, or null when absent (then sp, then p applies)
 * @param dkimAlignment adkim=
 * @param spfAlignment aspf=
 * @param testing t=y (or the legacy pct=0): apply the policy one step weaker
 * @param psd psd=: 'y', 'n' or 'u' (unknown, the default)
 * @param rua aggregate report URIs
 * @param ruf failure report URIs
 * @param failureOptions fo= options ("0", "1", "d", "s")
 * @param findings problems found while parsing
 */
public record DmarcRecord(
        String text,
        DmarcPolicy policy,
        DmarcPolicy subdomainPolicy,
        DmarcPolicy nonExistentPolicy,
        Alignment dkimAlignment,
        Alignment spfAlignment,
        boolean testing,
        char psd,
        List<String> rua,
        List<String> ruf,
        Set<String> failureOptions,
        List<DmarcFinding> findings) {

    public DmarcRecord {
        rua = List.copyOf(rua);
        ruf = List.copyOf(ruf);
        failureOptions = Set.copyOf(failureOptions);
        findings = List.copyOf(findings);
    }

    /** True when the text is meant as a DMARC record: "v=DMARC1" as first tag (section 4.7). */
    public static boolean isDmarc(String txt) {
        String t = txt.stripLeading();
        if (!t.regionMatches(true, 0, "v", 0, 1)) {
            return false;
        }
        t = t.substring(1).stripLeading();
        if (!t.startsWith("=")) {
            return false;
        }
        t = t.substring(1).stripLeading();
        if (!t.startsWith("DMARC1")) {
            return false;
        }
        String rest = t.substring(6).stripLeading();
        return rest.isEmpty() || rest.startsWith(";");
    }
}
