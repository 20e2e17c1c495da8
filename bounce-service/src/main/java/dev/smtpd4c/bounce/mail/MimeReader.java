package dev.smtpd4c.bounce.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link MimePart} tree from a normalized byte string. Each nesting level scans its
 * own slice once, and depth and part count are capped, so the work is linear in the input.
 */
public final class MimeReader {
    static final int MAX_DEPTH = 12;
    static final int MAX_PARTS = 400;

    private int parts;

    private MimeReader() {}

    public static MimePart read(String s) {
        return new MimeReader().part(s, 0, s.length(), 0, "text/plain");
    }

    private MimePart part(String s, int from, int to, int depth, String defaultType) {
        parts++;
        Headers h = Headers.parse(s, from, to);
        String type = h.mainValue("Content-Type");
        if (type.isEmpty() || type.indexOf('/') < 0) type = defaultType;
        int bodyFrom = h.end < from ? from : h.end;
        boolean deeper = depth < MAX_DEPTH && parts < MAX_PARTS;
        if (type.startsWith("multipart/") && deeper) {
            String boundary = h.param("Content-Type", "boundary");
            List<MimePart> kids = multipart(s, bodyFrom, to, boundary, depth + 1,
                    type.equals("multipart/digest") ? "message/rfc822" : "text/plain");
            if (!kids.isEmpty()) return new MimePart(h, type, kids, depth);
            type = "text/plain"; // a multipart without usable boundaries is read as text
        }
        boolean enclosed = type.equals("message/rfc822") || type.equals("message/global")
                || type.endsWith("rfc822-headers") || type.equals("message/global-headers");
        if (enclosed && deeper) {
            // An enclosed message without a transfer encoding is read where it lies, not copied.
            String encoding = h.get("Content-Transfer-Encoding");
            MimePart child;
            if (TransferDecoding.transforms(encoding)) {
                String inner = TransferDecoding.apply(encoding, s, bodyFrom, to);
                child = part(inner, 0, inner.length(), depth + 1, "text/plain");
            } else {
                child = part(s, bodyFrom, to, depth + 1, "text/plain");
            }
            return new MimePart(h, type, List.of(child), depth);
        }
        return new MimePart(h, type, List.of(), depth, s, bodyFrom, to); // the body is decoded when first read
    }

    private List<MimePart> multipart(String s, int from, int to, String boundary, int depth, String defaultType) {
        if (boundary.isEmpty()) boundary = guessBoundary(s, from, to);
        List<MimePart> kids = new ArrayList<>();
        if (boundary.isEmpty()) return kids;
        String delim = "--" + boundary;
        int partStart = -1;
        int i = from;
        while (i < to) {
            int at = nextDelimiter(s, i, to, delim);
            if (at < 0) break;
            int eol = s.indexOf('\n', at);
            if (eol < 0 || eol > to) eol = to;
            boolean close = s.startsWith("--", at + delim.length());
            if (partStart >= 0 && parts < MAX_PARTS) kids.add(part(s, partStart, Math.max(partStart, at - 1), depth, defaultType));
            if (close) return kids;
            partStart = Math.min(eol + 1, to);
            i = eol + 1;
        }
        // A truncated multipart without its closing delimiter still yields what was read.
        if (partStart >= 0 && partStart < to && parts < MAX_PARTS) kids.add(part(s, partStart, to, depth, defaultType));
        return kids;
    }

    /**
     * Start of the first line at or after the line start {@code i} that begins with the delimiter
     * and ends before {@code to}, or -1. A delimiter of RFC 2046 length is searched for directly;
     * a longer one (hostile input) line by line, so the search stays linear in the slice.
     */
    private static int nextDelimiter(String s, int i, int to, String delim) {
        int len = delim.length();
        if (len > 80) {
            while (i < to) {
                int eol = s.indexOf('\n', i);
                if (eol < 0 || eol > to) eol = to;
                if (eol - i >= len && s.startsWith(delim, i)) return i;
                i = eol + 1;
            }
            return -1;
        }
        int lineStart = i;
        while (true) {
            int at = s.indexOf(delim, i);
            if (at < 0 || at + len > to) return -1;
            if (at == lineStart || s.charAt(at - 1) == '\n') return at;
            i = at + 1;
        }
    }

    /** Some mailers omit the boundary parameter; the first "--xyz" line is then the best guess. */
    private static String guessBoundary(String s, int from, int to) {
        int i = from;
        for (int lines = 0; i < to && lines < 50; lines++) {
            int eol = s.indexOf('\n', i);
            if (eol < 0 || eol > to) eol = to;
            if (s.startsWith("--", i) && eol - i > 3 && eol - i < 200) return s.substring(i + 2, eol).trim();
            i = eol + 1;
        }
        return "";
    }
}
