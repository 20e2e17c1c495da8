package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Signs the suite's own mail: relaxed/relaxed, rsa-sha256 or ed25519-sha256. Fields in
 * {@link #OVERSIGNED} are listed once more than they occur, so that a field of that name
 * added in transit (a second From or Subject) breaks the signature instead of riding on it.
 * Immutable and thread-safe.
 */
public final class DkimSigner {

    /** What we sign by default: identity, threading, content type and the RFC 8058 headers. */
    public static final List<String> DEFAULT_HEADERS = List.of("From", "Reply-To", "Subject", "Date", "To", "Cc",
            "Message-ID", "In-Reply-To", "References", "MIME-Version", "Content-Type",
            "Content-Transfer-Encoding", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");

    public static final Set<String> OVERSIGNED = Set.of("from", "reply-to", "subject", "date", "to", "cc",
            "content-type", "list-unsubscribe", "list-unsubscribe-post");

    private static final int LINE = 76;

    private final String domain;
    private final String selector;
    private final DkimAlgorithm algorithm;
    private final PrivateKey key;
    private final List<String> headers;
    private final Clock clock;

    public DkimSigner(String domain, String selector, DkimAlgorithm algorithm, PrivateKey key, List<String> headers,
            Clock clock) {
        if (algorithm == DkimAlgorithm.RSA_SHA1) {
            throw new IllegalArgumentException("rsa-sha1 must not be used for signing (RFC 8301)");
        }
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.selector = selector;
        this.algorithm = algorithm;
        this.key = key;
        this.headers = List.copyOf(headers);
        this.clock = clock;
    }

    /** The DKIM-Signature field to put on top of the message. */
    public HeaderField sign(RawMessage message) throws GeneralSecurityException {
        // Checked on the message, not on h=: over-signing lists From even when it is absent.
        if (message.headers("From").isEmpty()) {
            throw new IllegalArgumentException("message has no From field, which DKIM must sign (RFC 6376 5.4)");
        }
        List<String> signed = signedNames(message);
        byte[] canonicalBody = Canonicalization.RELAXED.body(message.body());
        byte[] bh = Crypto.digest(algorithm.digest()).digest(canonicalBody);
        StringBuilder v = new StringBuilder();
        v.append(" v=1; a=").append(algorithm.token()).append("; c=relaxed/relaxed;\r\n\td=").append(domain)
                .append("; s=").append(selector).append("; t=").append(clock.instant().getEpochSecond())
                .append(";\r\n\th=");
        appendNames(v, signed);
        v.append(";\r\n\tbh=").append(Base64.getEncoder().encodeToString(bh)).append(";\r\n\tb=");
        HeaderField unsigned = HeaderField.of("DKIM-Signature", v.toString());
        Tag emptyB = new Tag("b", "", v.length(), v.length());
        byte[] data = HeaderHashInput.build(message.headers(), signed, Canonicalization.RELAXED, unsigned, emptyB);
        String b = Base64.getEncoder().encodeToString(Crypto.sign(algorithm, key, data));
        appendBase64(v, b);
        return HeaderField.of("DKIM-Signature", v.toString());
    }

    /** Each configured name once per occurrence, plus once more for over-signed names. */
    List<String> signedNames(RawMessage message) {
        List<String> names = new ArrayList<>();
        for (String name : headers) {
            int count = message.headers(name).size();
            if (OVERSIGNED.contains(name.toLowerCase(Locale.ROOT))) {
                count++;
            }
            for (int i = 0; i < count; i++) {
                names.add(name);
            }
        }
        return names;
    }

    /** h= names, folded after a colon before a name that would pass the line limit. */
    private static void appendNames(StringBuilder sb, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i > 0) {
                sb.append(':');
                if (column(sb) + name.length() + 1 > LINE) {
                    sb.append("\r\n\t");
                }
            }
            sb.append(name);
        }
    }

    /** b= folded anywhere: whitespace inside base64 tag values is ignored by verifiers. */
    private static void appendBase64(StringBuilder sb, String b64) {
        for (int i = 0; i < b64.length(); i++) {
            if (column(sb) >= LINE) {
                sb.append("\r\n\t");
            }
            sb.append(b64.charAt(i));
        }
    }

    /** Characters on the current line, counting the field name the value will follow. */
    private static int column(StringBuilder sb) {
        int nl = sb.lastIndexOf("\n");
        return nl < 0 ? sb.length() + "DKIM-Signature:".length() : sb.length() - nl - 1 + 8;
    }
}
