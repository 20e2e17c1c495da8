package dev.smtpd4c.bounce.mail;

import java.util.List;

/**
 * One node of a parsed message. A leaf's body is a slice of the message, transfer-decoded the
 * first time it is asked for: most parts (the returned message, attachments) are never read.
 */
public final class MimePart {
    private final Headers headers;
    private final String type;
    private final List<MimePart> children;
    private final int depth;
    // The undecoded body is source[from, to); body and text are worked out once, on demand.
    private final String source;
    private final int from, to;
    private String body, text;

    MimePart(Headers headers, String type, List<MimePart> children, int depth, String source, int from, int to) {
        this.headers = headers;
        this.type = type;
        this.children = children;
        this.depth = depth;
        this.source = source;
        this.from = from;
        this.to = to;
    }

    /** A multipart or enclosed message: no body of its own. */
    MimePart(Headers headers, String type, List<MimePart> children, int depth) { this(headers, type, children, depth, "", 0, 0); }

    /** The part's own header fields. */
    public Headers headers() { return headers; }

    /** Lower-case media type, "text/plain" when absent. */
    public String type() { return type; }

    /** Sub-parts of a multipart, or the single enclosed message of message/rfc822. */
    public List<MimePart> children() { return children; }

    /** Nesting depth, 0 for the top-level message. */
    public int depth() { return depth; }

    /** Transfer-decoded body as a byte string (empty for multiparts). */
    public String body() {
        if (body == null) body = TransferDecoding.apply(headers.get("Content-Transfer-Encoding"), source, from, to);
        return body;
    }

    public boolean isMultipart() { return type.startsWith("multipart/"); }

    /** The body decoded with the part's charset (RFC 2047 not involved). */
    public String text() {
        if (text == null) text = Text.decode(body(), headers.param("Content-Type", "charset"));
        return text;
    }

    /** True for message/rfc822 and its relatives: the child is a whole returned message. */
    public boolean isEnclosedMessage() {
        return type.equals("message/rfc822") || type.equals("message/global")
                || type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")
                || type.equals("message/global-headers");
    }
}
