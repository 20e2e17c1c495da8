package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3834 automatic replies (out-of-office, vacation). Tried after the bounce formats, because
 * many bounces also carry "Auto-Submitted: auto-replied". The recipient is the replier (From).
 */
public final class Rfc3834Format implements BounceFormat {
    @Override public String name() { return "RFC3834"; }

    private static final List<String> SUBJECTS = List.of("auto:", "automatic reply", "autoreply", "auto-reply",
            "auto reply", "out of office", "out of the office", "away from", "vacation", "abwesenheit",
            "absence", "réponse automatique", "自動応答", "自動返信", "不在");

    @Override
    public Optional<List<RawFailure>> decode(ParsedMessage m) {
        if (Signs.fromDaemon(m) || m.deliveryStatus().isPresent()) return Optional.empty();
        String auto = m.headers().get("Auto-Submitted").toLowerCase(Locale.ROOT);
        String prec = m.headers().get("Precedence").toLowerCase(Locale.ROOT);
        boolean flagged = auto.startsWith("auto-replied") || m.headers().has("X-Autoreply")
                || m.headers().has("X-Autorespond") || m.headers().has("X-Auto-Response-Suppress") && subjectMatches(m)
                || prec.contains("auto_reply") || m.headers().get("X-Mail-Autoreply").length() > 0;
        if (!flagged && !subjectMatches(m)) return Optional.empty();
        String rcpt = Addresses.find(m.headers().get("From"));
        if (rcpt.isEmpty()) return Optional.empty();
        String body = m.text().strip();
        RawFailure.Builder b = RawFailure.builder().recipient(rcpt).reasonHint("vacation")
                .diagnostic(body.length() > 600 ? body.substring(0, 600) : body);
        return Optional.of(List.of(b.build()));
    }

    private static boolean subjectMatches(ParsedMessage m) {
        String s = m.subject().toLowerCase(Locale.ROOT);
        for (String w : SUBJECTS) if (s.contains(w)) return true;
        return false;
    }
}
