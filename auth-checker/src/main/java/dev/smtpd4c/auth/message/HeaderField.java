package dev.smtpd4c.auth.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One header field exactly as it appeared on the wire, minus its terminating CRLF.
 *
 * <p>The text is held as ISO-8859-1 so that every byte maps to exactly one char and back:
 * canonicalisation must hash the original octets (8-bit and UTF-8 included), and a Latin-1
 * String gives byte-exact round trips while still allowing simple char-based scanning.
 *
 * @param name the field name as written (case kept), without trailing whitespace
 * @param raw the whole field: name, optional whitespace, colon, value with its folding CRLFs
 * @param colon index of the colon in {@code raw}
 */
public record HeaderField(String name, String raw, int colon) {

    public HeaderField {
        if (colon < 0 || colon >= raw.length() || raw.charAt(colon) != ':') {
            throw new IllegalArgumentException("colon index does not point at ':'");
        }
    }

    /** Builds a field from a name and a value (the text after the colon), for signers. */
    public static HeaderField of(String name, String value) {
        return new HeaderField(name, name + ":" + value, name.length());
    }

    /** The raw value after the colon, folding and leading whitespace kept. */
    public String rawValue() {
        return raw.substring(colon + 1);
    }

    /** The value unfolded (CRLFs removed) and trimmed; for reading tags, not for hashing. */
    public String unfoldedValue() {
        return rawValue().replace("\r\n", "").strip();
    }

    /** Lower-case name, for case-insensitive comparisons. */
    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The original octets of the field, without the terminating CRLF. */
    public byte[] bytes() {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }
}
