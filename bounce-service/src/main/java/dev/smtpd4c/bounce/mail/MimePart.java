package dev.smtpd4c.bounce.mail;

import java.util.List;

/**
 * One node of a parsed message.
 *
 * @param headers  the part's own header fields
 * @param type     lower-case media type, "text/plain" when absent
 * @param body     transfer-decoded body as a byte string (empty for multiparts)
 * @param children sub-parts of a multipart, or the single enclosed message of message/rfc822
 * @param depth    nesting depth, 0 for the top-level message
 */
public record MimePart(Headers headers, String type, String body, List<MimePart> children, int depth) {

    public boolean isMultipart() { return type.startsWith("multipart/"); }

    /** The body decoded with the part's charset (RFC 2047 not involved). */
    public String text() { return Text.decode(body, headers.param("Content-Type", "charset")); }

    /** True for message/rfc822 and its relatives: the child is a whole returned message. */
    public boolean isEnclosedMessage() {
        return type.equals("message/rfc822") || type.equals("message/global")
                || type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")
                || type.equals("message/global-headers");
    }
}
