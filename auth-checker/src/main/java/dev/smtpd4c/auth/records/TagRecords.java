package dev.smtpd4c.auth.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading the "tag=value; tag=value" TXT records of MTA-STS, TLS-RPT and BIMI. */
final class TagRecords {

    private TagRecords() {}

    /** The TXT records whose first tag is {@code v=<version>} (case-sensitive value, as the RFCs say). */
    static List<String> withVersion(List<String> txt, String version) {
        return txt.stream().filter(t -> {
            String first = t.strip().split(";", 2)[0].replace(" ", "").replace("\t", "");
            return first.equals("v=" + version);
        }).toList();
    }

    /**
     * Tags in order, names lower-cased; null when a part is not tag=value or a tag repeats. An
     * empty trailing part (a final ';') is allowed.
     */
    static Map<String, String> parse(String record) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : record.split(";", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (tags.putIfAbsent(name, p.substring(eq + 1).strip()) != null) {
                return null;
            }
        }
        return tags;
    }
}
