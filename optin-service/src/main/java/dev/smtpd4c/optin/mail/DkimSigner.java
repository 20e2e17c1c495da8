package dev.smtpd4c.optin.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RFC 6376 DKIM signing with relaxed/relaxed canonicalisation, rsa-sha256 or ed25519-sha256
 * (RFC 8463), of a {@link ComposedMail} as it will be sent. Pure: no I/O, no framework.
 */
public final class DkimSigner {

    /** The fields signed, when present, in this order. */
    static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id", "content-language",
            "mime-version", "content-type", "list-unsubscribe", "list-unsubscribe-post", "feedback-id", "x-smtpd4c-stream");

    private static final Pattern WSP_RUN = Pattern.compile("[ \t]+");

    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private final String algorithm;

    public DkimSigner(String domain, String selector, PrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        this.algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "rsa-sha256";
            case "Ed25519", "EdDSA" -> "ed25519-sha256";
            default -> throw new IllegalArgumentException("DKIM key for selector " + selector + " is "
                    + key.getAlgorithm() + "; use an RSA (2048 bits or more) or Ed25519 key");
        };
    }

    public String algorithm() {
        return algorithm;
    }

    public String selector() {
        return selector;
    }

    /** {@code mail} with a DKIM-Signature field first, over its present {@link #SIGNED} fields and its body. */
    public ComposedMail sign(ComposedMail mail, Instant now) {
        List<ComposedMail.Header> signed = new ArrayList<>();
        for (String name : SIGNED) {
            mail.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst().ifPresent(signed::add);
        }
        String bodyHash = Base64.getEncoder().encodeToString(sha256(relaxedBody(mail.body()).getBytes(StandardCharsets.US_ASCII)));
        String unsigned = "v=1; a=" + algorithm + "; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + ";\r\n\tt=" + now.getEpochSecond() + "; h=" + String.join(":", signed.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).toList())
                + ";\r\n\tbh=" + bodyHash + ";\r\n\tb=";
        StringBuilder data = new StringBuilder();
        for (ComposedMail.Header h : signed) {
            data.append(relaxedHeader(h.name(), h.value())).append("\r\n");
        }
        data.append(relaxedHeader("DKIM-Signature", unsigned)); // no CRLF after the signature field itself
        String b = Base64.getEncoder().encodeToString(signature(data.toString().getBytes(StandardCharsets.US_ASCII)));
        return mail.withFirstHeader(new ComposedMail.Header("DKIM-Signature", unsigned + fold(b)));
    }

    private byte[] signature(byte[] data) {
        try {
            Signature s;
            byte[] input = data;
            if (algorithm.equals("rsa-sha256")) {
                s = Signature.getInstance("SHA256withRSA");
            } else {
                s = Signature.getInstance("Ed25519");
                input = sha256(data); // RFC 8463: PureEdDSA over the SHA-256 hash
            }
            s.initSign(key);
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing with selector " + selector + " failed", e);
        }
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded value, runs of blanks as one space, none at either end. */
    static String relaxedHeader(String name, String value) {
        String v = WSP_RUN.matcher(value.replace("\r\n", "")).replaceAll(" ").strip();
        return name.toLowerCase(Locale.ROOT).strip() + ":" + v;
    }

    /** RFC 6376 3.4.4: blanks collapsed, none at line ends, no empty lines at the end, CRLF after the last line. */
    static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder(body.length());
        int pendingEmpty = 0;
        for (String line : lines) {
            String l = WSP_RUN.matcher(line).replaceAll(" ");
            if (l.endsWith(" ")) {
                l = l.substring(0, l.length() - 1);
            }
            if (l.isEmpty()) {
                pendingEmpty++;
                continue;
            }
            out.append("\r\n".repeat(pendingEmpty)).append(l).append("\r\n");
            pendingEmpty = 0;
        }
        return out.toString();
    }

    private static String fold(String b64) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 72) {
            if (i > 0) {
                sb.append("\r\n\t");
            }
            sb.append(b64, i, Math.min(b64.length(), i + 72));
        }
        return sb.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
