package dev.smtpd4c.bounce.mail;

/** RFC 2047 encoded words (=?charset?B|Q?text?=) in header values, decoded by hand-written scanning. */
public final class EncodedWords {
    private EncodedWords() {}

    public static String decode(String value) {
        if (value == null || value.indexOf("=?") < 0) return value == null ? "" : value;
        StringBuilder out = new StringBuilder(value.length());
        int i = 0, n = value.length();
        int lastWordEnd = -1;
        while (i < n) {
            int start = value.indexOf("=?", i);
            if (start < 0) { out.append(value, i, n); break; }
            int q1 = value.indexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
            if (q1 < 0 || q2 != q1 + 2 || end < 0 || end - start > 2000) {
                out.append(value, i, start + 2);
                i = start + 2;
                continue;
            }
            String between = value.substring(i, start);
            // White space between two adjacent encoded words is not part of the text (RFC 2047 6.2).
            if (!(lastWordEnd == i && between.isBlank())) out.append(between);
            String charset = value.substring(start + 2, q1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) charset = charset.substring(0, star);
            char enc = Character.toUpperCase(value.charAt(q1 + 1));
            String payload = value.substring(q2 + 1, end);
            String bytes = enc == 'B' ? TransferDecoding.base64(payload)
                    : TransferDecoding.quotedPrintable(payload.replace('_', ' '), true);
            out.append(Text.decode(bytes, charset));
            i = end + 2;
            lastWordEnd = i;
        }
        return out.toString();
    }
}
