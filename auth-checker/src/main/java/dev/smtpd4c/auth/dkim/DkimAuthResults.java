package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.AuthResultsText;

/** Writes one DKIM result as an RFC 8601 resinfo ("dkim=pass header.d=... header.s=..."). */
public final class DkimAuthResults {

    private DkimAuthResults() {}

    public static String entry(DkimResult r) {
        StringBuilder sb = new StringBuilder("dkim=").append(r.result().word());
        if (r.keyBits() > 0) {
            sb.append(" (").append(r.keyBits()).append("-bit key").append(r.testing() ? "; testing" : "").append(')');
        }
        if (r.result() != AuthResult.PASS && !r.reason().isEmpty()) {
            sb.append(" reason=").append(AuthResultsText.quoted(r.reason()));
        }
        if (!r.domain().isEmpty()) {
            sb.append(" header.d=").append(r.domain());
        }
        if (!r.identity().isEmpty()) {
            sb.append(" header.i=").append(r.identity());
        }
        if (!r.selector().isEmpty()) {
            sb.append(" header.s=").append(r.selector());
        }
        if (!r.algorithm().isEmpty()) {
            sb.append(" header.a=").append(r.algorithm());
        }
        if (!r.signaturePrefix().isEmpty()) {
            sb.append(" header.b=").append(AuthResultsText.quoted(r.signaturePrefix()));
        }
        return sb.toString();
    }
}
