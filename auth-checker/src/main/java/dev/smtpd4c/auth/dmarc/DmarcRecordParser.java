package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses and validates DMARC records per RFC 9989. Lenient the way the RFC asks receivers to be:
 * unknown tags are ignored, invalid values fall back to defaults; every such case is a finding so
 * the linter can tell the publisher. One split per ';', linear in the record length.
 */
public final class DmarcRecordParser {

    private static final Set<String> KNOWN = Set.of("v", "p", "sp", "np", "adkim", "aspf", "pct", "t", "psd",
            "rua", "ruf", "fo", "rf", "ri");

    private DmarcRecordParser() {}

    /** The record, or null when the text is not a DMARC record at all (no leading v=DMARC1). */
    public static DmarcRecord parse(String text) {
        if (!DmarcRecord.isDmarc(text)) {
            return null;
        }
        List<DmarcFinding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        DmarcPolicy p = null;
        DmarcPolicy sp = null;
        DmarcPolicy np = null;
        Alignment adkim = Alignment.RELAXED;
        Alignment aspf = Alignment.RELAXED;
        boolean testing = false;
        char psd = 'u';
        List<String> rua = List.of();
        List<String> ruf = List.of();
        Set<String> fo = new LinkedHashSet<>(List.of("0"));
        boolean first = true;
        for (String part : text.split(";", -1)) {
            String pair = part.strip();
            if (first) {
                first = false;
                continue; // v=DMARC1, already checked
            }
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                findings.add(new DmarcFinding(Severity.ERROR, "record", "'" + pair + "' is not a tag=value pair"));
                continue;
            }
            String tag = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).strip();
            if (!seen.add(tag)) {
                findings.add(new DmarcFinding(Severity.ERROR, tag, "tag " + tag + " appears twice; the first is used"));
                continue;
            }
            if (!KNOWN.contains(tag)) {
                findings.add(new DmarcFinding(Severity.WARNING, tag, "unknown tag " + tag + " is ignored"));
                continue;
            }
            switch (tag) {
                case "v" -> findings.add(new DmarcFinding(Severity.ERROR, tag, "v= must be the first tag only"));
                case "p" -> {
                    p = DmarcPolicy.parse(value);
                    if (p == null) {
                        findings.add(new DmarcFinding(Severity.ERROR, tag, "p=" + value
                                + " is not none, quarantine or reject; receivers treat it as p=none"));
                    }
                }
                case "sp" -> sp = policyTag(tag, value, findings);
                case "np" -> np = policyTag(tag, value, findings);
                case "adkim" -> adkim = alignmentTag(tag, value, findings);
                case "aspf" -> aspf = alignmentTag(tag, value, findings);
                case "t" -> testing = yesNo(tag, value, findings, false);
                case "pct" -> testing |= legacyPct(value, findings);
                case "psd" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.equals("y") || v.equals("n") || v.equals("u")) {
                        psd = v.charAt(0);
                    } else {
                        findings.add(new DmarcFinding(Severity.ERROR, tag, "psd=" + value + " is not y, n or u"));
                    }
                }
                case "rua" -> rua = uris(tag, value, findings);
                case "ruf" -> ruf = uris(tag, value, findings);
                case "fo" -> fo = failureOptions(value, findings);
                default -> findings.add(new DmarcFinding(Severity.INFO, tag,
                        tag + "= was removed in RFC 9989 and is ignored"));
            }
        }
        if (p == null && !seen.contains("p")) {
            findings.add(new DmarcFinding(Severity.ERROR, "p", "no p= tag; receivers treat the policy as none"));
        }
        return new DmarcRecord(text, p == null ? DmarcPolicy.NONE : p, sp, np, adkim, aspf, testing, psd, rua, ruf,
                fo, findings);
    }

    private static DmarcPolicy policyTag(String tag, String value, List<DmarcFinding> findings) {
        DmarcPolicy p = DmarcPolicy.parse(value);
        if (p == null) {
            findings.add(new DmarcFinding(Severity.ERROR, tag, tag + "=" + value + " is invalid and ignored"));
        }
        return p;
    }

    private static Alignment alignmentTag(String tag, String value, List<DmarcFinding> findings) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "r":
                return Alignment.RELAXED;
            case "s":
                return Alignment.STRICT;
            default:
                findings.add(new DmarcFinding(Severity.ERROR, tag, tag + "=" + value + " is not r or s; relaxed is used"));
                return Alignment.RELAXED;
        }
    }

    private static boolean yesNo(String tag, String value, List<DmarcFinding> findings, boolean dflt) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("y") || v.equals("n")) {
            return v.equals("y");
        }
        findings.add(new DmarcFinding(Severity.ERROR, tag, tag + "=" + value + " is not y or n"));
        return dflt;
    }

    /** pct= (RFC 7489) is gone; pct=0 was the usual way to say "testing", which t=y now says. */
    private static boolean legacyPct(String value, List<DmarcFinding> findings) {
        int pct;
        try {
            pct = value.length() > 3 ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            pct = -1;
        }
        if (pct < 0 || pct > 100) {
            findings.add(new DmarcFinding(Severity.ERROR, "pct", "pct=" + value + " is not 0-100 and is ignored"));
            return false;
        }
        findings.add(new DmarcFinding(Severity.WARNING, "pct",
                "pct= was removed in RFC 9989" + (pct == 0 ? "; pct=0 is read as t=y" : " and is ignored")
                        + "; use t=y for testing"));
        return pct == 0;
    }

    private static List<String> uris(String tag, String value, List<DmarcFinding> findings) {
        List<String> out = new ArrayList<>();
        for (String raw : value.split(",")) {
            String uri = raw.strip();
            int bang = uri.lastIndexOf('!');
            if (bang > 0) {
                uri = uri.substring(0, bang); // legacy size limit suffix "!10m"
            }
            if (!uri.regionMatches(true, 0, "mailto:", 0, 7) || uri.indexOf('@') <= 7
                    || uri.indexOf('@') == uri.length() - 1) {
                findings.add(new DmarcFinding(Severity.ERROR, tag, "'" + raw.strip() + "' is not a mailto: address"));
                continue;
            }
            out.add(uri);
        }
        return out;
    }

    private static Set<String> failureOptions(String value, List<DmarcFinding> findings) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : value.split(":")) {
            String o = raw.strip().toLowerCase(Locale.ROOT);
            if (o.equals("0") || o.equals("1") || o.equals("d") || o.equals("s")) {
                out.add(o);
            } else {
                findings.add(new DmarcFinding(Severity.ERROR, "fo", "fo option '" + raw.strip() + "' is invalid"));
            }
        }
        return out.isEmpty() ? Set.of("0") : out;
    }

    /** The domain of a mailto: report URI, lower case, or null. */
    public static String uriDomain(String uri) {
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String d = uri.substring(at + 1);
        int q = d.indexOf('?');
        return (q >= 0 ? d.substring(0, q) : d).toLowerCase(Locale.ROOT);
    }
}
