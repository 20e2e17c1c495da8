package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.Headers;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import dev.smtpd4c.bounce.mail.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Base of the plain-text formats (Exim, qmail, ...): a format says how to recognise its
 * messages and where its error section starts and ends; the scanning is shared.
 */
public abstract class TextFormat implements BounceFormat {

    /** True when the message was written by this format's software. Must be cheap and never throw. */
    protected abstract boolean matches(ParsedMessage m);

    /** Lower-case substrings of the line after which the error section begins; empty: from the top. */
    protected List<String> startMarkers() { return List.of(); }

    /** Lower-case substrings of the line where the returned message (or the trailer) begins. */
    protected List<String> endMarkers() { return COMMON_ENDS; }

    /** Hook for format-specific fix-ups (reply codes written oddly, a known reason, ...). */
    protected void refine(RawFailure.Builder b, ParsedMessage m) {}

    /** For formats that name the recipient inside a sentence rather than on its own line. */
    protected String sentenceRecipient(String text) { return ""; }

    /** The address right after a phrase, e.g. afterPhrase(t, "could not be delivered to"); "" if absent. */
    protected static String afterPhrase(String text, String phrase) {
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(phrase);
        if (at < 0) return "";
        int end = text.indexOf('\n', at + phrase.length());
        return Addresses.find(text.substring(at + phrase.length(), end < 0 ? text.length() : Math.min(end, at + phrase.length() + 400)));
    }

    /** Text read by the scanner; by default the message's readable text. */
    protected String text(ParsedMessage m) { return m.text(); }

    static final List<String> COMMON_ENDS = List.of(
            "- this is a copy of the message", "- this is a copy of your message", "--- below this line is a copy of the message",
            "----- original message -----", "--- the header of the original message is following",
            "original message follows", "----- unsent message follows -----", "--- original message follows",
            "included is a copy of the message header", "below is a copy of the original message",
            "message headers follow", "----- message header follows -----", "----- the header of the original message",
            "------ original message ------", "content-type: message/rfc822", "the original message was included");

    @Override
    public final Optional<List<RawFailure>> decode(ParsedMessage m) {
        if (!matches(m)) return Optional.empty();
        String text = text(m);
        String lower = text == m.text() ? m.lowerText() : Text.lower(text);
        String region = TextScan.region(text, lower, startMarkers(), endMarkers());
        // A bounce goes back to the original sender, so the sender's own address (in the bounce's
        // To, the returned message's Return-Path, an echoed MAIL FROM) is never the failed recipient.
        Set<String> senders = senders(m);
        List<RawFailure.Builder> scanned = TextScan.scan(region);
        List<RawFailure.Builder> found = new java.util.ArrayList<>();
        for (RawFailure.Builder b : scanned) if (!senders.contains(b.recipient)) found.add(b);
        String named = sentenceRecipient(text);
        if (!named.isEmpty() && (found.isEmpty() || found.size() == 1 && !found.get(0).recipient.equals(named))) {
            found = List.of(RawFailure.builder().recipient(named).diagnostic(region));
        }
        if (found.size() == 1 && found.get(0).diagnosticCode.isBlank()) {
            // The explanation came before the address (Notes, Japanese carriers): the section is the error.
            found.get(0).diagnostic(region);
        }
        if (found.isEmpty()) {
            // No recipient line: the whole section is the error, the recipient comes from elsewhere.
            String rcpt = Addresses.findExcept(region, senders);
            if (rcpt.isEmpty()) rcpt = fallbackRecipient(m, TextScan.after(text, lower, endMarkers()));
            if (rcpt.isEmpty() && !scanned.isEmpty()) found = scanned; // mail to oneself: the sender did fail
            else if (rcpt.isEmpty() || region.isBlank()) return Optional.empty();
            else found = List.of(RawFailure.builder().recipient(rcpt).diagnostic(region));
        }
        String lhost = Received.reportingHost(m.headers());
        List<RawFailure> out = new java.util.ArrayList<>();
        for (RawFailure.Builder b : found) {
            if (b.reportingMta.isEmpty()) b.reportingMta(lhost);
            b.action("failed");
            refine(b, m);
            out.add(b.build());
        }
        return Optional.of(out);
    }

    /** The original sender's addresses: the bounce's To, the returned message's Return-Path, an echoed MAIL FROM. */
    static Set<String> senders(ParsedMessage m) {
        Set<String> out = new java.util.HashSet<>();
        String to = Addresses.find(m.headers().get("To"));
        if (!to.isEmpty()) out.add(to);
        String rp = Addresses.find(m.originalHeaders().get("Return-Path"));
        if (!rp.isEmpty()) out.add(rp);
        String lower = m.lowerHead();
        int at = lower.indexOf("mail from:");
        if (at >= 0) {
            String from = Addresses.find(lower.substring(at + 10, Math.min(lower.length(), at + 330)));
            if (!from.isEmpty()) out.add(from);
        }
        return out;
    }

    /** The original recipient from the returned message's To or the bounce's X-Failed-Recipients. */
    static String fallbackRecipient(ParsedMessage m, String inlineOriginal) {
        String r = Addresses.find(m.headers().get("X-Failed-Recipients"));
        if (!r.isEmpty()) return r;
        Headers orig = m.originalHeaders();
        if (orig.isEmpty() && !inlineOriginal.isEmpty()) orig = Headers.parse(inlineOriginal, 0, inlineOriginal.length());
        return Addresses.find(orig.get("To"));
    }
}
