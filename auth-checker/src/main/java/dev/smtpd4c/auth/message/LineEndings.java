package dev.smtpd4c.auth.message;

/**
 * Rewrites CR, LF and CRLF line ends to CRLF. Messages reach us from files, REST bodies and
 * test suites with bare LF; DKIM hashes the SMTP form, which is CRLF, so verifiers normalise
 * before anything else (as dkimpy and OpenDKIM do).
 */
public final class LineEndings {

    private LineEndings() {}

    public static byte[] toCrlf(byte[] in) {
        int extra = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r') {
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                } else {
                    extra++;
                }
            } else if (in[i] == '\n') {
                extra++;
            }
        }
        if (extra == 0) {
            return in.clone();
        }
        byte[] out = new byte[in.length + extra];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[o++] = b;
            }
        }
        return out;
    }
}
