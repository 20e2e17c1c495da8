package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.DeliveryStatus;
import dev.smtpd4c.bounce.mail.Headers;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standard delivery status notifications (RFC 3464): one result per recipient field group.
 * Also reads DSN fields that a mailer pasted into a text part instead of a
 * message/delivery-status part. When a group carries no Diagnostic-Code, the error text is
 * taken from the human-readable part (a sendmail transcript, say) for the same recipient.
 */
public final class Rfc3464Format implements BounceFormat {
    private final String name;

    public Rfc3464Format() { this("RFC3464"); }

    Rfc3464Format(String name) { this.name = name; }

    @Override public String name() { return name; }

    @Override
    public Optional<List<RawFailure>> decode(ParsedMessage m) {
        Optional<DeliveryStatus> ds = m.deliveryStatus();
        if (ds.isEmpty() || ds.get().recipients().isEmpty()) ds = inText(m.text(), m.lowerText());
        if (ds.isEmpty() || ds.get().recipients().isEmpty()) return Optional.empty();
        Headers pm = ds.get().perMessage();
        String lhost = DeliveryStatus.stripType(pm.get("Reporting-MTA"));
        List<RawFailure.Builder> textBlocks = null;
        List<RawFailure> out = new ArrayList<>();
        for (Headers r : ds.get().recipients()) {
            RawFailure.Builder b = RawFailure.builder();
            String rcpt = r.get("Final-Recipient");
            if (Addresses.find(rcpt).isEmpty()) rcpt = r.get("Original-Recipient");
            b.recipient(DeliveryStatus.stripType(rcpt));
            String diag = r.get("Diagnostic-Code");
            b.diagnostic(DeliveryStatus.stripType(diag)).diagnosticType(DeliveryStatus.typeOf(diag));
            b.status(firstToken(r.get("Status"))).action(firstToken(r.get("Action")));
            b.remoteMta(DeliveryStatus.stripType(r.get("Remote-MTA"))).reportingMta(lhost);
            String category = r.get("X-PowerMTA-BounceCategory").trim();
            if (!category.isEmpty()) b.category("x-powermta-bouncecategory: " + category);
            boolean exitStatusOnly = isExitStatus(b) && (b.status.isEmpty() || Codes.isGeneric(b.status));
            boolean needText = b.diagnosticCode.isBlank() || isBareCode(b.diagnosticCode) || exitStatusOnly;
            if (needText || Codes.command(b.diagnosticCode).isEmpty()) {
                // The human-readable part often says what the fields do not: the error, or "in reply to DATA".
                if (textBlocks == null) textBlocks = TextScan.scan(m.text());
                boolean found = false;
                for (RawFailure.Builder t : textBlocks) {
                    if (!t.recipient.equals(b.recipient) || t.diagnosticCode.isBlank()) continue;
                    if (needText) b.diagnostic((b.diagnosticCode + " " + t.diagnosticCode).trim());
                    else b.command(Codes.command(t.diagnosticCode));
                    found = true;
                    break;
                }
                // A pipe or program recipient ("|/home/u/filter") has no address line to match: with
                // one recipient, the session transcript is its error.
                if (!found && exitStatusOnly && ds.get().recipients().size() == 1) {
                    String transcript = transcript(m.text(), m.lowerText());
                    if (!transcript.isEmpty()) b.diagnostic((b.diagnosticCode + " " + transcript).trim());
                }
            }
            if (b.diagnosticType.isEmpty() && !b.diagnosticCode.isEmpty()) b.diagnosticType("SMTP");
            out.add(b.build());
        }
        return Optional.of(out);
    }

    /** "5.1.1 (Bad destination mailbox address)" gives "5.1.1". */
    private static String firstToken(String v) {
        String t = v.trim();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp)) && t.charAt(sp) != '(') sp++;
        return t.substring(0, sp);
    }

    /** "X-Unix; 255": a local program's exit status says only that it failed. */
    private static boolean isExitStatus(RawFailure.Builder b) {
        if (!b.diagnosticType.equalsIgnoreCase("X-UNIX") || b.diagnosticCode.isEmpty() || b.diagnosticCode.length() > 3) return false;
        for (int i = 0; i < b.diagnosticCode.length(); i++) if (!Character.isDigit(b.diagnosticCode.charAt(i))) return false;
        return true;
    }

    /** The lines of a sendmail "Transcript of session follows" section up to the first blank line. */
    static String transcript(String text, String lower) {
        int at = lower.indexOf("transcript of session follows");
        if (at < 0) return "";
        int from = text.indexOf('\n', at);
        if (from < 0) return "";
        int end = text.indexOf("\n\n", from + 1);
        return text.substring(from + 1, end < 0 ? Math.min(text.length(), from + 1 + 2000) : Math.min(end, from + 1 + 2000));
    }

    private static boolean isBareCode(String diag) {
        String d = diag.trim();
        return d.length() <= 10 && !Codes.reply(d + " ").isEmpty() || !Codes.status(d).isEmpty() && d.length() <= 10;
    }

    /** DSN fields written into a text part: parse from the first Reporting-MTA or Final-Recipient line. */
    static Optional<DeliveryStatus> inText(String text, String lower) {
        int at = indexOfLineStart(lower, "reporting-mta:");
        int rc = indexOfLineStart(lower, "final-recipient:");
        if (rc < 0) return Optional.empty();
        if (at < 0 || at > rc) at = rc;
        return Optional.of(DeliveryStatus.parse(text.substring(at)));
    }

    /** Offsets in the lower-case text are offsets in the text: lower-casing a byte string keeps its length. */
    private static int indexOfLineStart(String lower, String field) {
        int from = 0;
        while (true) {
            int at = lower.indexOf(field, from);
            if (at < 0) return -1;
            if (at == 0 || lower.charAt(at - 1) == '\n') return at;
            from = at + 1;
        }
    }
}
