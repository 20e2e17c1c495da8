package dev.smtpd4c.auth.message;

/** Helpers for writing RFC 8601 Authentication-Results values safely. */
public final class AuthResultsText {

    private AuthResultsText() {}

    /**
     * A quoted-string for reason= and comments: reasons can quote attacker-controlled bytes,
     * so anything but printable ASCII becomes '?' and quotes and backslashes are escaped.
     */
    public static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return sb.append('"').toString();
    }
}
