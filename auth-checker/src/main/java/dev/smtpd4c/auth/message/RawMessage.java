package dev.smtpd4c.auth.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A message as authentication sees it: header fields in wire order (top first) and the body
 * octets after the blank line, with every line ending already normalised to CRLF.
 */
public record RawMessage(List<HeaderField> headers, byte[] body) {

    public RawMessage {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Body length without copying, for l= checks. */
    public int bodyLength() {
        return body.length;
    }

    /** All fields with this name, top to bottom. */
    public List<HeaderField> headers(String name) {
        List<HeaderField> found = new ArrayList<>();
        for (HeaderField h : headers) {
            if (h.hasName(name)) {
                found.add(h);
            }
        }
        return found;
    }

    /** The message as CRLF wire bytes: fields, blank line, body. */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length + 80 * headers.size());
        for (HeaderField h : headers) {
            out.writeBytes(h.bytes());
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** A copy with one field added on top, as a signer or forwarder does. */
    public RawMessage prepend(HeaderField field) {
        List<HeaderField> all = new ArrayList<>(headers.size() + 1);
        all.add(field);
        all.addAll(headers);
        return new RawMessage(all, body);
    }
}
