package dev.smtpd4c.optin.mail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes a rendered mail as a 7-bit multipart/alternative MIME message (text, then HTML, both
 * UTF-8 quoted-printable; non-ASCII header text as RFC 2047 encoded words). Composing here rather
 * than in the SMTP client fixes every byte before sending, which DKIM needs. Pure: no I/O.
 */
public final class MimeComposer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final int QP_LINE = 76;
    private static final String HEX = "0123456789ABCDEF";

    private MimeComposer() {}

    /**
     * @param from        the From field as configured, e.g. {@code SMTPD4C <no-reply@example.org>}
     * @param envelopeFrom MAIL FROM (the stream's bounce address)
     * @param extra       fields after the standard ones (List-Unsubscribe, stream headers, …), ASCII values
     */
    public static ComposedMail compose(String from, String envelopeFrom, String to, RenderedMail mail, String messageId,
            ZonedDateTime date, List<ComposedMail.Header> extra) {
        String boundary = "=_smtpd4c_" + HexFormat.of().formatHex(randomBytes(12));
        List<ComposedMail.Header> headers = new ArrayList<>();
        headers.add(new ComposedMail.Header("From", mailbox(from)));
        headers.add(new ComposedMail.Header("To", to));
        headers.add(new ComposedMail.Header("Subject", encodedWords(mail.subject())));
        headers.add(new ComposedMail.Header("Date", DATE.format(date)));
        headers.add(new ComposedMail.Header("Message-ID", "<" + messageId + ">"));
        headers.add(new ComposedMail.Header("Content-Language", mail.locale()));
        headers.add(new ComposedMail.Header("MIME-Version", "1.0"));
        headers.add(new ComposedMail.Header("Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + "\""));
        headers.addAll(extra);
        String body = "--" + boundary + "\r\n" + part("text/plain", mail.text())
                + "--" + boundary + "\r\n" + part("text/html", mail.html())
                + "--" + boundary + "--\r\n";
        return new ComposedMail(envelopeFrom, to, headers, body);
    }

    private static String part(String type, String content) {
        return "Content-Type: " + type + "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + quotedPrintable(content) + "\r\n";
    }

    /** RFC 2045 6.7 quoted-printable of {@code text} as UTF-8; line breaks become CRLF, lines at most 76 characters. */
    static String quotedPrintable(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                out.append("\r\n");
            }
            String line = lines[l];
            int col = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                i += Character.charCount(cp);
                boolean last = i == line.length();
                // One character's encoding stays on one line; trailing blanks are encoded (RFC 2045 rule 3).
                boolean literal = (cp >= 33 && cp <= 126 && cp != '=') || ((cp == ' ' || cp == '\t') && !last);
                String piece = literal ? String.valueOf((char) cp) : escape(cp);
                if (col + piece.length() > (last ? QP_LINE : QP_LINE - 1)) {
                    out.append("=\r\n");
                    col = 0;
                }
                out.append(piece);
                col += piece.length();
            }
        }
        return out.toString();
    }

    private static String escape(int cp) {
        StringBuilder sb = new StringBuilder(12);
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            sb.append('=').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
        }
        return sb.toString();
    }

    /** {@code text} as is when it is printable ASCII, else as RFC 2047 "B" encoded words of whole characters, folded. */
    static String encodedWords(String text) {
        if (text.chars().allMatch(c -> c >= 32 && c < 127)) {
            return text;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + n > 36) { // 36 bytes -> 48 base64 characters -> a 60-character word, 69 after "Subject: "
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(ch);
            chunkBytes += n;
            i += Character.charCount(cp);
        }
        words.add(word(chunk.toString()));
        return String.join("\r\n ", words);
    }

    private static String word(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** {@code Name <addr>} with a non-ASCII display name encoded; a bare address stays as it is. */
    static String mailbox(String configured) {
        int lt = configured.lastIndexOf('<');
        if (lt <= 0) {
            return configured.strip();
        }
        String name = configured.substring(0, lt).strip();
        String addr = configured.substring(lt).strip();
        boolean ascii = name.chars().allMatch(c -> c >= 32 && c < 127);
        return (ascii ? name : encodedWords(name)) + " " + addr;
    }

    /** The address inside {@code Name <addr>}, or the whole value. */
    public static String address(String configured) {
        int lt = configured.lastIndexOf('<');
        int gt = configured.lastIndexOf('>');
        return lt >= 0 && gt > lt ? configured.substring(lt + 1, gt).strip() : configured.strip();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
