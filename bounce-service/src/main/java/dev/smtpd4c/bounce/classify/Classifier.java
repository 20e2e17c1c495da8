package dev.smtpd4c.bounce.classify;

import dev.smtpd4c.bounce.parse.RawFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides the reason of one failure: a reason the format knows outright, else the error text
 * (patterns tried in {@link #ORDER}), else the enhanced status code, else the DSN action and
 * SMTP reply class. A precise status code beats a vaguer text match (see {@link #decide}).
 */
public final class Classifier {
    /** Text is read up to here: the reason is stated early, and this bounds the matching work. */
    static final int MAX_TEXT = 4000;

    /**
     * Order of the text checks: specific before general. Address-level reasons come first
     * because their phrases are precise; catch-alls (policy, system error, expiry) come last.
     */
    static final List<Reason> ORDER = List.of(
            Reason.SUPPRESSED, Reason.HASMOVED, Reason.MAILBOXFULL, Reason.MESGTOOBIG, Reason.TOOMANYCONN,
            Reason.EXCEEDLIMIT, Reason.REQUIREPTR, Reason.AUTHFAILURE, Reason.REJECTED, Reason.HOSTUNKNOWN,
            Reason.SUSPEND, Reason.USERUNKNOWN, Reason.NOTACCEPT, Reason.BADREPUTATION, Reason.NORELAYING,
            Reason.SPEEDING, Reason.VIRUSDETECTED, Reason.SPAMDETECTED, Reason.BLOCKED, Reason.FILTERED,
            Reason.FAILEDSTARTTLS, Reason.SECURITYERROR, Reason.NOTCOMPLIANTRFC, Reason.CONTENTERROR,
            Reason.SYNTAXERROR, Reason.SYSTEMFULL, Reason.MAILERERROR, Reason.EXPIRED, Reason.NETWORKERROR,
            Reason.POLICYVIOLATION, Reason.SYSTEMERROR);

    private static final List<ReasonPatterns> PATTERNS = new ArrayList<>();

    static {
        for (Reason r : ORDER) PATTERNS.add(new ReasonPatterns(r));
    }

    private Classifier() {}

    public static Reason classify(RawFailure f) {
        Reason hint = Reason.of(f.reasonHint());
        if (hint != null) return hint;
        if (f.action().equals("delivered") || f.status().startsWith("2.")) return Reason.DELIVERED;
        String text = f.diagnosticCode();
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
        Reason byText = byText(text.toLowerCase(Locale.ROOT));
        Reason byCode = StatusCodes.reasonOf(f.status());
        Reason r = decide(byText, byCode);
        // "User unknown" answered to DATA comes from a content filter, not from a missing mailbox.
        if (r == Reason.USERUNKNOWN && f.command().equals("DATA") && byCode != Reason.USERUNKNOWN) return Reason.FILTERED;
        if (r != null) return r;
        if (f.action().equals("delayed") || f.status().startsWith("4.") && f.replyCode().isEmpty()) return Reason.EXPIRED;
        if (!f.status().isEmpty() || !f.replyCode().isEmpty()) return Reason.ONHOLD;
        return Reason.UNDEFINED;
    }

    /** Temporary failure: 4xx codes, a "delayed" action, or a report that says it will retry. */
    public static boolean isTemporary(RawFailure f) {
        if (f.status().startsWith("4") || f.replyCode().startsWith("4") || f.action().equals("delayed")) return true;
        if (f.status().startsWith("5") || f.replyCode().startsWith("5")) return false;
        String d = f.diagnosticCode().toLowerCase(Locale.ROOT);
        return d.contains("temporary failure") || d.contains("will be retried") || d.contains("delay reason")
                || d.contains("retry timeout exceeded") || d.contains("still trying");
    }

    static Reason byText(String lower) {
        for (ReasonPatterns p : PATTERNS) if (p.matches(lower)) return p.reason();
        return null;
    }

    /**
     * A status code that names an address-level reason is trusted over text, whose catch-all
     * phrases ("service unavailable", "policy") often wrap a precise code. Otherwise text wins.
     */
    static Reason decide(Reason byText, Reason byCode) {
        if (byCode == null) return byText;
        if (byText == null) return byCode;
        return switch (byCode) {
            case USERUNKNOWN, HOSTUNKNOWN, MAILBOXFULL, HASMOVED, MESGTOOBIG, AUTHFAILURE, REQUIREPTR, NOTACCEPT ->
                    GENERAL.contains(byText) ? byCode : byText;
            default -> byText;
        };
    }

    private static final List<Reason> GENERAL = List.of(Reason.SYSTEMERROR, Reason.POLICYVIOLATION, Reason.EXPIRED,
            Reason.BLOCKED, Reason.FILTERED, Reason.SECURITYERROR, Reason.NETWORKERROR, Reason.SPAMDETECTED,
            Reason.CONTENTERROR, Reason.REJECTED, Reason.SYNTAXERROR);
}
