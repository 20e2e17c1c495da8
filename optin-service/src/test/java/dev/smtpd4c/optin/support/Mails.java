package dev.smtpd4c.optin.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls links and headers out of the raw MIME text GreenMail returns. */
public final class Mails {

    private Mails() {}

    /** Undoes quoted-printable soft breaks and '=' escapes, and header folding, enough to read URLs. */
    public static String readable(String mime) {
        return mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=").replaceAll("\r?\n[ \t]+", " ");
    }

    /** The token of the first {@code path?token=} link in the mail. */
    public static String token(String mime, String path) {
        Matcher m = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_.-]+)").matcher(readable(mime));
        if (!m.find()) {
            throw new AssertionError("no " + path + " link in the mail:\n" + mime);
        }
        return m.group(1);
    }
}
