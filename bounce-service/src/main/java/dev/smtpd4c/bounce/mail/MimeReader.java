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
            if (!kids.isEmpty()) return new MimePart(h, type, "", kids, depth);
            type = "text/plain"; // a multipart without usable boundaries is read as text
        }
        String encoding = h.get("Content-Transfer-Encoding");
        boolean enclosed = type.equals("message/rfc822") || type.equals("message/global")
                || type.endsWith("rfc822-headers") || type.equals("message/global-headers");
        if (enclosed && deeper) {
            String inner = TransferDecoding.apply(encoding, s.substring(bodyFrom, to));
            MimePart child = part(inner, 0, inner.length(), depth + 1, "text/plain");
            return new MimePart(h, type, "", List.of(child), depth);
        }
        return new MimePart(h, type, TransferDecoding.apply(encoding, s.substring(bodyFrom, to)), List.of(), depth);
    }

    private List<MimePart> multipart(String s, int from, int to, String boundary, int depth, String defaultType) {
        if (boundary.isEmpty()) boundary = guessBoundary(s, from, to);
        List<MimePart> kids = new ArrayList<>();
        if (boundary.isEmpty()) return kids;
        String delim = "--" + boundary;
        int partStart = -1;
        int i = from;
        while (i < to) {
            int eol = s.indexOf('\n', i);
            if (eol < 0 || eol > to) eol = to;
            if (eol - i >= delim.length() && s.startsWith(delim, i)) {
                boolean close = s.startsWith("--", i + delim.length());
                if (partStart >= 0 && parts < MAX_PARTS) kids.add(part(s, partStart, Math.max(partStart, i - 1), depth, defaultType));
                if (close) return kids;
                partStart = Math.min(eol + 1, to);
            }
            i = eol + 1;
        }
        // A truncated multipart without its closing delimiter still yields what was read.
        if (partStart >= 0 && partStart < to && parts < MAX_PARTS) kids.add(part(s, partStart, to, depth, defaultType));
        return kids;
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
