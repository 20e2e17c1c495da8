package dev.smtpd4c.auth.dkim;

/**
 * One tag=value pair of an RFC 6376 section 3.2 tag list.
 *
 * @param name tag name, case kept (tag names are case-sensitive)
 * @param value the value with surrounding folding whitespace removed; inner whitespace kept
 * @param valueStart index of the first value char in the parsed text
 * @param valueEnd index just past the last value char; equals valueStart for an empty value
 */
public record Tag(String name, String value, int valueStart, int valueEnd) {

    /** The value with every whitespace char removed, as base64 tags (b, bh, p) are read. */
    public String compactValue() {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!TagList.isFws(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
