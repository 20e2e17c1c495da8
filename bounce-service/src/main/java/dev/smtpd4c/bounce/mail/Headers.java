package dev.smtpd4c.bounce.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered header block (RFC 5322 fields, or RFC 3464 field groups, which share the syntax).
 * Values are kept raw (byte strings, unfolded); {@link #text} decodes RFC 2047 words on demand.
 */
public final class Headers {
    /** Beyond this many fields the rest are scanned past but not kept: 100,000 header lines stay linear and small. */
    static final int MAX_FIELDS = 1000;
    /** A folded field longer than this is cut: one header cannot hold the whole message. */
    static final int MAX_VALUE = 64 * 1024;

    public record Field(String name, String value) {}

    private final List<Field> fields;
    /** Offset in the source just after the header block (after its blank line, if any). */
    final int end;

    private Headers(List<Field> fields, int end) {
        this.fields = fields;
        this.end = end;
    }

    public static final Headers EMPTY = new Headers(Collections.emptyList(), 0);

    /** Reads fields from {@code from} until a blank line, or a line that is neither a field nor a continuation. */
    public static Headers parse(String s, int from, int to) {
        List<Field> fields = new ArrayList<>();
        // The current field: its name is s[nameFrom, nameTo); an unfolded value is the slice
        // s[valueFrom, valueTo), copied once when the field is added; a folded one is built up.
        int nameFrom = -1, nameTo = 0, valueFrom = 0, valueTo = 0;
        StringBuilder folded = null;
        int i = from;
        int bodyStart = to;
        while (i < to) {
            int eol = s.indexOf('\n', i);
            if (eol < 0 || eol > to) eol = to;
            if (eol == i) { bodyStart = Math.min(to, eol + 1); break; } // blank line
            char c = s.charAt(i);
            if ((c == ' ' || c == '\t') && nameFrom >= 0) {
                if (folded == null) folded = new StringBuilder().append(s, valueFrom, valueTo);
                if (folded.length() < MAX_VALUE) folded.append(' ').append(s, i, Math.min(eol, i + MAX_VALUE)); // unfold
            } else {
                int colon = fieldColon(s, i, eol);
                if (colon < 0) {
                    if (i == from && s.startsWith("From ", i)) { i = eol + 1; continue; } // mbox separator line
                    if (isBlank(s, i, eol)) { bodyStart = Math.min(to, eol + 1); break; }
                    bodyStart = i; // no blank line: the body starts at the first non-field line
                    break;
                }
                add(fields, s, nameFrom, nameTo, valueFrom, valueTo, folded);
                nameFrom = i;
                nameTo = colon;
                valueFrom = colon + 1;
                valueTo = Math.min(eol, colon + 1 + MAX_VALUE);
                folded = null;
            }
            i = eol + 1;
            if (i >= to) bodyStart = to;
        }
        add(fields, s, nameFrom, nameTo, valueFrom, valueTo, folded);
        return new Headers(fields, Math.min(bodyStart, to));
    }

    private static void add(List<Field> fields, String s, int nameFrom, int nameTo, int valueFrom, int valueTo, StringBuilder folded) {
        if (nameFrom < 0 || fields.size() >= MAX_FIELDS) return;
        String value;
        if (folded != null) {
            value = folded.toString().trim();
        } else {
            while (valueFrom < valueTo && s.charAt(valueFrom) <= ' ') valueFrom++; // String.trim, without the copy
            while (valueTo > valueFrom && s.charAt(valueTo - 1) <= ' ') valueTo--;
            value = s.substring(valueFrom, valueTo);
        }
        fields.add(new Field(s.substring(nameFrom, nameTo), value)); // a field name has no white space to trim
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(s.charAt(i))) return false;
        return true;
    }

    /** Index of the colon of a field line, or -1; a field name is 1..76 printable characters without space. */
    private static int fieldColon(String s, int i, int eol) {
        int lim = Math.min(eol, i + 77);
        for (int j = i; j < lim; j++) {
            char c = s.charAt(j);
            if (c == ':') return j > i ? j : -1;
            if (c <= ' ' || c > '~') return -1;
        }
        return -1;
    }

    public List<Field> fields() { return fields; }

    public boolean isEmpty() { return fields.isEmpty(); }

    /** First raw value of a field (case-insensitive name), or "" when absent. */
    public String get(String name) {
        for (Field f : fields) if (f.name.equalsIgnoreCase(name)) return f.value;
        return "";
    }

    public boolean has(String name) {
        for (Field f : fields) if (f.name.equalsIgnoreCase(name)) return true;
        return false;
    }

    public List<String> getAll(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) if (f.name.equalsIgnoreCase(name)) out.add(f.value);
        return out;
    }

    /** First value with RFC 2047 words decoded (for Subject, From, ...). */
    public String text(String name) { return EncodedWords.decode(get(name)); }

    /** A parameter of a structured value, e.g. {@code param("Content-Type", "boundary")}. */
    public String param(String name, String param) { return MimeParams.param(get(name), param); }

    /** The value before its first ';', lower case, e.g. "multipart/report". */
    public String mainValue(String name) {
        String v = get(name);
        int semi = v.indexOf(';');
        return Text.lower(semi < 0 ? v : v.substring(0, semi)).trim();
    }
}
