package dev.smtpd4c.bounce.classify;

import dev.smtpd4c.bounce.parse.RawFailure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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

    /** The classifier with all its data. */
    private static final Classifier ALL = new Classifier(entry -> true);

    private final ReasonPhrases phrases;
    private final RemoteHosts remoteHosts;

    /**
     * A classifier that uses only the data-file entries {@code keep} accepts. An entry is named
     * "file: line" ("reasons/userunknown.txt: no such user"); the agreement benchmark leaves
     * entries out to see what they are worth.
     */
    public Classifier(Predicate<String> keep) {
        phrases = new ReasonPhrases(ORDER, keep);
        remoteHosts = new RemoteHosts("/bounce/remote-hosts.txt", keep);
    }

    /** The reason of one failure, with all the classifier's data. */
    public static Reason classify(RawFailure f) { return ALL.reasonOf(f); }

    /** The data-file entries that occur in the failure's text (for the agreement benchmark). */
    public Set<String> entriesIn(RawFailure f) {
        String lower = f.category().isEmpty() ? lowerText(f) : f.category() + "\n" + lowerText(f);
        Set<String> out = new LinkedHashSet<>(phrases.entriesIn(lower));
        out.addAll(remoteHosts.entriesIn(remoteHost(f), f.command(), lower));
        return out;
    }

    private static String lowerText(RawFailure f) {
        String text = f.diagnosticCode();
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
        return text.toLowerCase(Locale.ROOT);
    }

    public Reason reasonOf(RawFailure f) {
        Reason hint = Reason.of(f.reasonHint());
        if (hint != null) return hint;
        if (f.action().equals("delivered") || f.status().startsWith("2.")) return Reason.DELIVERED;
        String lower = lowerText(f);
        Reason atHost = remoteHosts.hint(remoteHost(f), f.command(), lower);
        if (atHost != null) return atHost;
        Reason byCode = StatusCodes.reasonOf(f.status());
        // The sending MTA's own category is read like the text: vendor-categories.txt names it.
        ReasonPhrases.Hits hits = phrases.find(f.category().isEmpty() ? lower : f.category() + "\n" + lower);
        // A local delivery program (procmail, a pipe) reports through its exit status and the
        // mail-system codes (x.3.x): unless its text names a cause, the program failed.
        boolean xUnix = f.diagnosticType().equalsIgnoreCase("X-UNIX");
        if (xUnix && hits.isEmpty()) return Reason.MAILERERROR;
        Reason r = byCommand(decide(hits, byCode), f.command(), f.status(), byCode, hits);
        if ((r == Reason.USERUNKNOWN || r == Reason.FILTERED) && namesMissingHost(lower)) return Reason.HOSTUNKNOWN;
        if (r != null) return r;
        if (xUnix) return Reason.MAILERERROR;
        // Only a temporary failure and no cause: the MTA kept retrying until the message expired.
        if (f.action().equals("delayed") || isTemporary(f)) return Reason.EXPIRED;
        // A bounce that names no cause is held for a person to judge, not dropped as unknown.
        return Reason.ONHOLD;
    }

    /**
     * An "unknown address" answer means different things at different steps of the SMTP dialogue:
     * to MAIL FROM it refuses our sender; to RCPT TO (or with a status code that names the
     * mailbox) the recipient does not exist; after DATA, or with nothing saying it was RCPT, it is
     * the recipient's filter refusing this message, and the address may well be alive.
     */
    static Reason byCommand(Reason r, String command, String status, Reason byCode, ReasonPhrases.Hits hits) {
        // Before MAIL FROM (at the greeting or HELO, RFC 5321 4.3.1) the server knows only the
        // connecting host: a refusal there cannot be about an address or a message.
        if ((command.equals("CONN") || command.equals("HELO") || command.equals("EHLO")) && NEEDS_ENVELOPE.contains(r)) return Reason.BLOCKED;
        if ((r == Reason.USERUNKNOWN || r == Reason.HOSTUNKNOWN) && command.equals("MAIL")) return Reason.REJECTED;
        // A reputation verdict given in reply to MAIL FROM is on the sender address's domain.
        if (r == Reason.BADREPUTATION && command.equals("MAIL")) return Reason.REJECTED;
        boolean lookupFailed = byCode == Reason.USERUNKNOWN || hits.decisive().contains(Reason.USERUNKNOWN)
                || namesDestinationAddress(status);
        if (r == Reason.USERUNKNOWN && !lookupFailed && !command.equals("RCPT")) return Reason.FILTERED;
        return r;
    }

    /**
     * X.1.y is "addressing status" (RFC 3463 3.2): the address itself was the problem. Except
     * X.1.7 and X.1.8, which are about the sender's address, that is the recipient's address.
     */
    static boolean namesDestinationAddress(String status) {
        if (status.length() < 5 || status.charAt(1) != '.' || status.charAt(2) != '1' || status.charAt(3) != '.') return false;
        String detail = status.substring(4);
        return !detail.equals("7") && !detail.equals("8");
    }

    /** The host that answered, else the recipient's domain (whose mail host it is). */
    static String remoteHost(RawFailure f) {
        String h = f.remoteMta().toLowerCase(Locale.ROOT);
        if (!h.isEmpty()) return h;
        int at = f.recipient().lastIndexOf('@');
        return at < 0 ? "" : f.recipient().substring(at + 1);
    }

    /**
     * "553 mx.example.com does not exist": what does not exist is a host name (dotted, no '@', a
     * top-level label of letters), so the domain is missing, not a mailbox.
     */
    static boolean namesMissingHost(String lower) {
        for (int i = lower.indexOf(" does not exist"); i > 0; i = lower.indexOf(" does not exist", i + 1)) {
            int s = i;
            while (s > 0 && s > i - 255 && lower.charAt(s - 1) != ' ') s--;
            String token = lower.substring(s, i);
            int dot = token.lastIndexOf('.');
            if (token.indexOf('@') >= 0 || dot <= 0 || dot == token.length() - 1 || token.indexOf('.') == dot) continue;
            boolean host = true;
            for (int k = 0; k < token.length() && host; k++) {
                char c = token.charAt(k);
                host = Character.isLetterOrDigit(c) || c == '.' || c == '-';
            }
            for (int k = dot + 1; k < token.length() && host; k++) host = Character.isLetter(token.charAt(k));
            if (host) return true;
        }
        return false;
    }

    /** Temporary failure: 4xx codes, a "delayed" action, or a report that says it will retry. */
    public static boolean isTemporary(RawFailure f) {
        if (f.status().startsWith("4") || f.replyCode().startsWith("4") || f.action().equals("delayed")) return true;
        if (f.status().startsWith("5") || f.replyCode().startsWith("5")) return false;
        String d = f.diagnosticCode().toLowerCase(Locale.ROOT);
        return d.contains("temporary failure") || d.contains("will be retried") || d.contains("delay reason")
                || d.contains("retry timeout exceeded") || d.contains("still trying");
    }

    /**
     * A status code that names an address-level reason is trusted over text, whose catch-all
     * phrases ("service unavailable", "policy") often wrap a precise code. Otherwise text wins.
     */
    static Reason decide(ReasonPhrases.Hits hits, Reason byCode) {
        Reason decisive = first(hits.decisive());
        if (decisive != null) return decisive;
        Reason byText = first(hits.ordinary());
        if (byCode == null) return byText;
        if (byText == null) return byCode;
        // The text agrees with the code: the code picks among the reasons the text names. Not for
        // network codes (4.4.x), which every delivery that ended in a timeout carries.
        if (hits.has(byCode) && byCode != Reason.NETWORKERROR) return byCode;
        // Texts say "too big" whichever limit was hit; the code says which (X.2.3 per mailbox,
        // X.3.4 per system; Sisimai 5.6 merges the two into one reason for that reason).
        if (SIZE.contains(byCode) && SIZE.contains(byText)) return byCode;
        return switch (byCode) {
            case USERUNKNOWN, HOSTUNKNOWN, MAILBOXFULL, HASMOVED, MESGTOOBIG, AUTHFAILURE, REQUIREPTR, NOTACCEPT ->
                    GENERAL.contains(byText) || hits.has(byCode) ? byCode : byText;
            default -> byText;
        };
    }

    private static Reason first(java.util.Set<Reason> found) {
        if (found.isEmpty()) return null;
        for (Reason r : ORDER) if (found.contains(r)) return r;
        return null;
    }

    /** Reasons that need an envelope address or the message, so cannot arise before MAIL FROM. */
    private static final java.util.Set<Reason> NEEDS_ENVELOPE = java.util.EnumSet.of(Reason.USERUNKNOWN, Reason.FILTERED,
            Reason.REJECTED, Reason.NORELAYING, Reason.MAILBOXFULL, Reason.SUSPEND, Reason.HASMOVED, Reason.CONTENTERROR,
            Reason.SPAMDETECTED, Reason.VIRUSDETECTED, Reason.MESGTOOBIG, Reason.EXCEEDLIMIT, Reason.NOTCOMPLIANTRFC);

    private static final java.util.Set<Reason> SIZE = java.util.EnumSet.of(Reason.MESGTOOBIG, Reason.EXCEEDLIMIT);

    /** Catch-all text reasons: a precise status code says more than they do. */
    private static final List<Reason> GENERAL = List.of(Reason.SYSTEMERROR, Reason.POLICYVIOLATION, Reason.EXPIRED,
            Reason.FILTERED, Reason.SECURITYERROR, Reason.NETWORKERROR, Reason.CONTENTERROR, Reason.REJECTED,
            Reason.SYNTAXERROR);
}
