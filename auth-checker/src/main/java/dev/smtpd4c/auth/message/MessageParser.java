package dev.smtpd4c.auth.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits raw message bytes into header fields and body in one linear pass.
 *
 * <p>Header fields are kept byte-exact (folding included) because DKIM "simple" header
 * canonicalisation hashes them unchanged. Anything a verifier cannot safely interpret
 * (a header line without a colon, a continuation line before the first field, a bad field
 * name) is reported as {@link ParsedMessage.Malformed} instead of guessed at: a guess would
 * make us hash different bytes than the signer did.
 */
public final class MessageParser {

    private MessageParser() {}

    public static ParsedMessage parse(byte[] bytes) {
        if (bytes == null) {
            return malformed(0, "no message");
        }
        String text = new String(LineEndings.toCrlf(bytes), StandardCharsets.ISO_8859_1);
        List<HeaderField> headers = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int fieldStart = -1;
        int fieldColon = -1;
        String fieldName = null;
        while (pos < text.length()) {
            int eol = text.indexOf("\r\n", pos);
            int lineEnd = eol < 0 ? text.length() : eol;
            int next = eol < 0 ? text.length() : eol + 2;
            if (lineEnd == pos) {
                // Blank line: end of the header section, the rest is the body.
                addField(headers, text, fieldStart, fieldName, fieldColon, pos);
                byte[] body = Arrays.copyOfRange(text.getBytes(StandardCharsets.ISO_8859_1), next, text.length());
                return new ParsedMessage.Ok(new RawMessage(headers, body));
            }
            char first = text.charAt(pos);
            if (first == ' ' || first == '\t') {
                if (fieldStart < 0) {
                    return malformed(line, "continuation line before the first header field");
                }
            } else {
                addField(headers, text, fieldStart, fieldName, fieldColon, pos);
                int colon = text.indexOf(':', pos);
                if (colon < 0 || colon >= lineEnd) {
                    return malformed(line, "header line without a colon");
                }
                String name = trimTrailingWsp(text.substring(pos, colon));
                String problem = fieldNameProblem(name);
                if (problem != null) {
                    return malformed(line, problem);
                }
                fieldStart = pos;
                fieldColon = colon - pos;
                fieldName = name;
            }
            pos = next;
            line++;
        }
        addField(headers, text, fieldStart, fieldName, fieldColon, trimFinalCrlf(text));
        return new ParsedMessage.Ok(new RawMessage(headers, new byte[0]));
    }

    private static int trimFinalCrlf(String text) {
        return text.endsWith("\r\n") ? text.length() - 2 : text.length();
    }

    /** Adds the field running from fieldStart to just before the CRLF that precedes end. */
    private static void addField(List<HeaderField> headers, String text, int start, String name, int colon, int end) {
        if (start < 0) {
            return;
        }
        int stop = end;
        if (stop - 2 >= start && text.startsWith("\r\n", stop - 2)) {
            stop -= 2;
        }
        headers.add(new HeaderField(name, text.substring(start, stop), colon));
    }

    private static String trimTrailingWsp(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** RFC 5322 ftext: printable US-ASCII except colon. Returns null when the name is fine. */
    private static String fieldNameProblem(String name) {
        if (name.isEmpty()) {
            return "empty header field name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126) {
                return "header field name contains a space, control or 8-bit character";
            }
        }
        return null;
    }

    private static ParsedMessage malformed(int line, String reason) {
        return new ParsedMessage.Malformed(new MessageParseError(line, reason));
    }
}
