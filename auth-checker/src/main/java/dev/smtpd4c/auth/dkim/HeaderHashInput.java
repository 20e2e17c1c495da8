package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the data a DKIM/ARC signature covers (RFC 6376 3.7 and 5.4.2): the fields named in
 * h=, each taken bottom-up from the unused instances of that name, canonicalised and
 * CRLF-terminated; then the signature field itself with its b= value emptied and no CRLF.
 * A name listed more often than it occurs ("over-signing") contributes nothing for the
 * missing instances, which is what makes adding such a field later break the signature.
 */
public final class HeaderHashInput {

    private HeaderHashInput() {}

    public static byte[] build(List<HeaderField> headers, List<String> signedNames, Canonicalization canon,
            HeaderField signatureField, Tag bTag) {
        Map<String, int[]> remaining = indexByName(headers, signatureField);
        StringBuilder sb = new StringBuilder();
        for (String name : signedNames) {
            int[] slots = remaining.get(lower(name));
            if (slots == null || slots[0] == 0) {
                continue;
            }
            // slots[0] counts unused instances; slots[1..] are their positions top to bottom.
            int index = slots[slots[0]];
            slots[0]--;
            sb.append(canon.header(headers.get(index))).append("\r\n");
        }
        sb.append(withEmptyB(signatureField, bTag, canon));
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The canonical signature field with the b= value removed (tag name and '=' kept). */
    public static String withEmptyB(HeaderField field, Tag bTag, Canonicalization canon) {
        String value = field.rawValue();
        String emptied = value.substring(0, bTag.valueStart()) + value.substring(bTag.valueEnd());
        return canon == Canonicalization.SIMPLE
                ? field.raw().substring(0, field.colon() + 1) + emptied
                : Canonicalization.relaxedHeader(field.name(), emptied);
    }

    /**
     * Positions of each name, leaving out the signature field itself: an h= entry naming
     * DKIM-Signature (or ARC-Message-Signature) refers to the other such fields, which is all
     * the signer could see (RFC 6376 5.4).
     */
    private static Map<String, int[]> indexByName(List<HeaderField> headers, HeaderField self) {
        Map<String, Integer> counts = new HashMap<>();
        for (HeaderField h : headers) {
            counts.merge(h.lowerName(), 1, Integer::sum);
        }
        Map<String, int[]> slots = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i) == self) {
                continue;
            }
            String name = headers.get(i).lowerName();
            int[] s = slots.computeIfAbsent(name, n -> new int[counts.get(n) + 1]);
            s[++s[0]] = i;
        }
        return slots;
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
