package dev.smtpd4c.bounce.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shared reader of plain-text bounces: a recipient line (an address at the start of a line,
 * bare, in angle brackets or quotes) opens a block, and the lines after it, up to the next
 * recipient line, are that recipient's error text. Formats cut the text to the error section
 * first; this class only splits it.
 */
public final class TextScan {
    static final int MAX_LINES = 3000;
    static final int MAX_LINE = 4000;
    /** Lines of error text kept per recipient; the useful part is at the top. */
    static final int MAX_DIAG_LINES = 12;

    private TextScan() {}

    /** Recipient blocks in the region; each builder has recipient and diagnostic set. */
    public static List<RawFailure.Builder> scan(String region) {
        List<RawFailure.Builder> out = new ArrayList<>();
        RawFailure.Builder cur = null;
        StringBuilder diag = new StringBuilder();
        int diagLines = 0;
        // Sendmail transcripts: ">>> RCPT To:<a@b>" and "<<< 550 ..." come before the recipient
        // line they explain; they belong to the next recipient, with the command they answered.
        String sentCommand = "", remoteReply = "";
        int i = 0, n = region.length(), lines = 0;
        int at = -1; // next '@' at or after i: a line without one names no recipient (kept linear)
        while (i < n && lines++ < MAX_LINES) {
            int eol = region.indexOf('\n', i);
            if (eol < 0) eol = n;
            if (at < i) { at = region.indexOf('@', i); if (at < 0) at = n; }
            boolean hasAt = at < Math.min(eol, i + MAX_LINE);
            String line = region.substring(i, Math.min(eol, i + MAX_LINE));
            i = eol + 1;
            if (line.startsWith(">>> ")) { sentCommand = commandOf(line.substring(4)); continue; }
            if (line.startsWith("<<< ")) { remoteReply = line.substring(4).trim(); continue; }
            if (line.startsWith("While talking to ")) { sentCommand = ""; remoteReply = ""; continue; }
            // Sendmail's per-host line ("550 example.org (smtp)... 550 Host unknown") comes before
            // the recipient line that repeats its error; it belongs to no recipient's text.
            if (isHostStatusLine(line)) continue;
            String[] rcpt = hasAt ? leadingAddress(line) : null;
            if (rcpt != null) {
                if (cur != null) out.add(cur.diagnostic(diag.toString()));
                cur = RawFailure.builder().recipient(rcpt[0]).command(sentCommand);
                diag.setLength(0);
                if (!remoteReply.isEmpty()) diag.append(remoteReply).append(' ');
                diag.append(rcpt[1]);
                sentCommand = "";
                remoteReply = "";
                diagLines = 0;
                continue;
            }
            if (cur != null && diagLines < MAX_DIAG_LINES && !line.isBlank()) {
                diag.append(' ').append(stripQuote(line).trim());
                diagLines++;
            }
        }
        if (cur != null) out.add(cur.diagnostic(diag.toString()));
        // One recipient named twice ("<a@b>:" then "a@b (reason)") is one failure.
        java.util.Map<String, RawFailure.Builder> merged = new java.util.LinkedHashMap<>(); // linear in blocks
        for (RawFailure.Builder b : out) {
            RawFailure.Builder same = merged.putIfAbsent(b.recipient, b);
            if (same != null && !b.diagnosticCode.isBlank() && same.diagnosticCode.length() < RawFailure.Builder.MAX_RAW) {
                same.diagnostic((same.diagnosticCode + " " + b.diagnosticCode).trim());
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** "NNN host (mailer)... text", with a host name rather than an address. */
    static boolean isHostStatusLine(String line) {
        if (line.length() < 10 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                || !Character.isDigit(line.charAt(2)) || line.charAt(3) != ' ') return false;
        int sp = line.indexOf(' ', 4);
        if (sp < 0 || line.lastIndexOf('@', sp) > 3 || line.charAt(4) == '<') return false;
        int close = line.indexOf(")... ", sp);
        return line.startsWith(" (", sp) && close > sp && close < sp + 20;
    }

    /** "RCPT To:<a@b>" gives "RCPT"; "" for text that is not an SMTP command. */
    private static String commandOf(String sent) {
        String s = sent.trim().toUpperCase(Locale.ROOT);
        for (String c : new String[] {"RCPT", "MAIL", "DATA", "HELO", "EHLO", "QUIT", "RSET"}) if (s.startsWith(c)) return c;
        return "";
    }

    private static String stripQuote(String line) {
        int j = 0;
        while (j < line.length() && (line.charAt(j) == '>' || line.charAt(j) == ' ' || line.charAt(j) == '\t')) j++;
        return j > 0 && line.charAt(0) == '>' ? line.substring(j) : line;
    }

    /**
     * If the line starts with an address, returns {address, rest of line}; otherwise null.
     * Leading quote marks, bullets and labels like "RCPT TO:" or "Could not be delivered to:" are skipped.
     */
    static String[] leadingAddress(String line) {
        String l = stripQuote(line).trim();
        int j = 0;
        while (j < l.length() && (l.charAt(j) == '*' || l.charAt(j) == '-' || l.charAt(j) == '•' || l.charAt(j) == ' ')) j++;
        l = l.substring(j);
        for (String label : LABELS) {
            if (l.regionMatches(true, 0, label, 0, label.length())) { l = l.substring(label.length()).trim(); break; }
        }
        // sendmail transcripts: "554 <a@b>... 550 Host unknown"; keep the code with the text
        String code = "";
        if (l.length() > 5 && Character.isDigit(l.charAt(0)) && Character.isDigit(l.charAt(1)) && Character.isDigit(l.charAt(2))
                && l.charAt(3) == ' ' && (l.charAt(4) == '<' || l.indexOf('@') > 0 && l.indexOf('@') < l.indexOf(' ', 4) + 1)) {
            code = l.substring(0, 4);
            l = l.substring(4).trim();
        }
        if (l.isEmpty()) return null;
        char c = l.charAt(0);
        int end;
        String token;
        if (c == '<' || c == '"' || c == '\'') {
            end = l.indexOf(c == '<' ? '>' : c, 1);
            if (end < 0 || end > 320) return null;
            token = l.substring(1, end);
            end++;
        } else {
            end = 0;
            while (end < l.length() && end < 320 && " \t:(<[,;".indexOf(l.charAt(end)) < 0) end++;
            token = l.substring(0, end);
        }
        if (token.indexOf('@') <= 0) return null;
        String addr = Addresses.find(token);
        if (addr.isEmpty() || addr.length() + 4 < token.length()) return null;
        String rest = l.substring(Math.min(end, l.length())).trim();
        // "a@b<mailto:a@b>" (Exchange) and "a@b on Thu, ..." carry no error text
        if (rest.startsWith("<mailto:")) rest = rest.substring(Math.max(rest.indexOf('>') + 1, 0)).trim();
        if (rest.startsWith(":")) rest = rest.substring(1).trim();
        return new String[] {addr, code.isEmpty() ? rest : code + rest};
    }

    private static final String[] LABELS = {
        "rcpt to:", "original-recipient:", "recipient address:", "recipient:", "to:", "address:",
        "could not be delivered to:", "failed recipient:", "did not reach the following recipient(s):",
        "did not reach the following recipient:", "the following recipients returned permanent errors:", "unable to deliver message to", "delivery to"
    };

    /** The text between the first line containing a start marker and the first later line containing an end marker. */
    public static String region(String text, String lower, List<String> starts, List<String> ends) {
        int from = 0;
        if (!starts.isEmpty()) {
            int best = -1;
            for (String s : starts) {
                int at = lower.indexOf(s);
                if (at >= 0 && (best < 0 || at < best)) best = at;
            }
            // The marker line itself is kept: "Did not reach the following recipient: a@b" names the recipient.
            if (best >= 0) from = lower.lastIndexOf('\n', best) + 1;
        }
        int to = lower.length();
        for (String e : ends) {
            int at = lower.indexOf(e, from);
            if (at >= 0 && at < to) to = lower.lastIndexOf('\n', at) + 1 > from ? lower.lastIndexOf('\n', at) + 1 : at;
        }
        return text.substring(from, Math.max(from, to));
    }

    /** The text after the first end marker: the returned message, when a format inlines it. */
    public static String after(String text, String lower, List<String> ends) {
        int best = -1;
        for (String e : ends) {
            int at = lower.indexOf(e);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        if (best < 0) return "";
        int eol = text.indexOf('\n', best);
        return eol < 0 ? "" : text.substring(eol + 1);
    }
}
