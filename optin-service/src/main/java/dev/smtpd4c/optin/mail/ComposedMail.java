package dev.smtpd4c.optin.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished RFC 5322 message and its envelope: the header fields in order (values already encoded
 * and folded with CRLF + space) and a 7-bit body whose lines end in CRLF. {@link #wire()} is, byte
 * for byte, what the relay receives after DATA (before dot-stuffing), so it is also what DKIM signs.
 */
public record ComposedMail(String envelopeFrom, String recipient, List<Header> headers, String body) {

    public record Header(String name, String value) {}

    public ComposedMail {
        headers = List.copyOf(headers);
    }

    /** The same message with {@code header} as its first field (where a DKIM-Signature goes). */
    public ComposedMail withFirstHeader(Header header) {
        List<Header> all = new ArrayList<>(headers.size() + 1);
        all.add(header);
        all.addAll(headers);
        return new ComposedMail(envelopeFrom, recipient, all, body);
    }

    /** The value of the first field named {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    public byte[] wire() {
        StringBuilder sb = new StringBuilder(body.length() + 1024);
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return sb.append("\r\n").append(body).toString().getBytes(StandardCharsets.US_ASCII);
    }
}
