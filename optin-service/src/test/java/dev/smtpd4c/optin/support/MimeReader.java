package dev.smtpd4c.optin.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the raw MIME text GreenMail returns as a mail client would: header fields unfolded, RFC 2047
 * words decoded, multipart/alternative split into parts, quoted-printable decoded. Written for the
 * mails this service composes, so a test checks what a recipient sees rather than raw encodings.
 */
public final class MimeReader {

    private static final Pattern WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=(?:\\s+(?==\\?))?", Pattern.CASE_INSENSITIVE);

    public record Part(Map<String, String> headers, String content) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    public record Message(Map<String, String> headers, List<Part> parts) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public Part part(String mediaType) {
            return parts.stream().filter(p -> p.contentType().startsWith(mediaType)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + mediaType + " part; parts: " + parts));
        }
    }

    private MimeReader() {}

    public static Message read(String raw) {
        String mime = raw.replace("\r\n", "\n");
        int split = mime.indexOf("\n\n");
        Map<String, String> headers = headers(mime.substring(0, split));
        String body = mime.substring(split + 2);
        List<Part> parts = new ArrayList<>();
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(headers.getOrDefault("content-type", ""));
        if (b.find()) {
            String[] chunks = body.split(Pattern.quote("--" + b.group(1)));
            for (int i = 1; i < chunks.length; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) {
                    break;
                }
                chunk = chunk.substring(1); // the line end after the boundary
                int end = chunk.indexOf("\n\n");
                Map<String, String> ph = headers(chunk.substring(0, end));
                String content = chunk.substring(end + 2);
                if ("quoted-printable".equalsIgnoreCase(ph.get("content-transfer-encoding"))) {
                    content = quotedPrintable(content);
                }
                parts.add(new Part(ph, content));
            }
        }
        return new Message(headers, parts);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : block.replaceAll("\n[ \t]+", " ").split("\n")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                out.putIfAbsent(field.substring(0, colon).strip().toLowerCase(Locale.ROOT), words(field.substring(colon + 1).strip()));
            }
        }
        return out;
    }

    private static String words(String value) {
        Matcher m = WORD.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8)));
        }
        return m.appendTail(sb).toString();
    }

    static String quotedPrintable(String qp) {
        String joined = qp.replace("=\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
