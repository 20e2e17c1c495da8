package dev.smtpd4c.auth.arc;

import dev.smtpd4c.auth.message.AuthResultsText;

/** Writes an ARC verdict as an RFC 8601 resinfo, with the RFC 8617 7.2 oldest-pass property. */
public final class ArcAuthResults {

    private ArcAuthResults() {}

    public static String entry(ArcResult r) {
        StringBuilder sb = new StringBuilder("arc=").append(r.cv().token());
        if (r.cv() == ArcChainStatus.PASS) {
            sb.append(" (i=").append(r.instances()).append(')');
            // Only written when an older AMS broke: then every reading of "oldest-pass" agrees on
            // the value, whereas an intact chain is reported differently by implementations.
            if (r.oldestPass() > 1) {
                sb.append(" header.oldest-pass=").append(r.oldestPass());
            }
        } else if (r.cv() == ArcChainStatus.FAIL) {
            sb.append(" reason=").append(AuthResultsText.quoted(r.reason()));
        }
        return sb.toString();
    }
}
