package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 6376 section 3.4 canonicalisation algorithms. Headers are handled as ISO-8859-1 strings
 * (one char per octet, see {@link HeaderField}); bodies as octets already normalised to CRLF.
 * Both run in a single pass.
 */
public enum Canonicalization {
    SIMPLE,
    RELAXED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Canonicalization fromToken(String token) {
        return switch (token) {
            case "simple" -> SIMPLE;
            case "relaxed" -> RELAXED;
            default -> null;
        };
    }

    /** The canonical form of one header field, without the terminating CRLF. */
    public String header(HeaderField field) {
        return this == SIMPLE ? field.raw() : relaxedHeader(field.name(), field.rawValue());
    }

    /** Relaxed form from a name and raw value; also used for a signature field with b= emptied. */
    public static String relaxedHeader(String name, String rawValue) {
        StringBuilder sb = new StringBuilder(name.length() + rawValue.length() + 1);
        // Lower-case ASCII letters only: field names are ASCII and Locale-free folding keeps bytes intact.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        sb.append(':');
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < rawValue.length(); i++) {
            char c = rawValue.charAt(i);
            if (c == '\r' || c == '\n') {
                continue; // unfold
            }
            if (c == ' ' || c == '\t') {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
            started = true;
        }
        return sb.toString();
    }

    /** The canonical body. */
    public byte[] body(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2);
        int pendingEmptyLines = 0;
        int pos = 0;
        while (pos < body.length) {
            int eol = indexOfCrlf(body, pos);
            int lineEnd = eol < 0 ? body.length : eol;
            int next = eol < 0 ? body.length : eol + 2;
            byte[] line = this == SIMPLE ? slice(body, pos, lineEnd) : relaxLine(body, pos, lineEnd);
            if (line.length == 0) {
                pendingEmptyLines++; // dropped if nothing but empty lines follows
            } else {
                for (; pendingEmptyLines > 0; pendingEmptyLines--) {
                    out.write('\r');
                    out.write('\n');
                }
                out.write(line, 0, line.length);
                out.write('\r');
                out.write('\n');
            }
            pos = next;
        }
        if (out.size() == 0 && this == SIMPLE) {
            // RFC 6376 3.4.3: an empty body is canonicalised as a single CRLF under "simple" only.
            return new byte[] {'\r', '\n'};
        }
        return out.toByteArray();
    }

    private static byte[] relaxLine(byte[] b, int from, int to) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(to - from);
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                line.write(' ');
                pendingSpace = false;
            }
            line.write(c);
        }
        return line.toByteArray();
    }

    private static byte[] slice(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
