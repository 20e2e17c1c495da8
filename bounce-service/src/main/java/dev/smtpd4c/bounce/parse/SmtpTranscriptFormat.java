package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A transcript of one SMTP session written as "In:" (client command) and "Out:" (server reply)
 * lines — the notice Postfix's SMTP server sends the postmaster about errors from a client
 * ("Transcript of session follows."). The first 4xx/5xx reply is the failure; it belongs to the
 * RCPT TO it answered, or, when it answered MAIL, DATA or the end of the message data, to the
 * recipients accepted so far. A session that failed before any RCPT TO names no recipient and
 * gives no result.
 */
public final class SmtpTranscriptFormat implements BounceFormat {
    private static final int MAX_LINES = 3000;

    @Override public String name() { return "SmtpTranscript"; }

    @Override
    public Optional<List<RawFailure>> decode(ParsedMessage m) {
        String head = m.lowerHead();
        if (!head.contains("transcript of session follows") || !(head.contains("\n out: ") || head.contains("\nout: "))) {
            return Optional.empty();
        }
        String text = m.text();
        String command = "", pendingRcpt = "", greetingHost = "";
        StringBuilder sent = new StringBuilder(); // the current In: command with its continuation lines
        Set<String> accepted = new LinkedHashSet<>();
        boolean inData = false;
        List<RawFailure> out = new ArrayList<>();
        int i = 0, lines = 0, n = text.length();
        while (i < n && lines++ < MAX_LINES) {
            int eol = text.indexOf('\n', i);
            if (eol < 0) eol = n;
            String line = text.substring(i, Math.min(eol, i + 4000)).trim();
            i = eol + 1;
            if (line.regionMatches(true, 0, "In:", 0, 3)) {
                sent.setLength(0);
                sent.append(line.substring(3).trim());
                command = verb(sent.toString());
                pendingRcpt = "";
                continue;
            }
            if (!line.regionMatches(true, 0, "Out:", 0, 4)) {
                // A long command wrapped onto the next lines ("In:  MAIL" / "FROM:<a@b>").
                if (!line.isEmpty() && sent.length() > 0 && sent.length() < 2000) sent.append(' ').append(line);
                continue;
            }
            if (command.equals("RCPT") && pendingRcpt.isEmpty()) pendingRcpt = Addresses.find(sent.toString());
            String reply = line.substring(4).trim();
            if (reply.length() < 3 || !Character.isDigit(reply.charAt(0))) continue;
            char cls = reply.charAt(0);
            if (reply.startsWith("220") && greetingHost.isEmpty()) greetingHost = firstWord(reply.substring(3));
            if (reply.startsWith("354")) { inData = true; continue; }
            if (cls == '2') {
                if (command.equals("RCPT") && !pendingRcpt.isEmpty()) accepted.add(pendingRcpt);
                continue;
            }
            if (cls != '4' && cls != '5') continue;
            // The reply after 354 answers the end of the message data, not a command of its own.
            String answered = inData ? "DATA" : command;
            if (answered.equals("RCPT")) {
                if (!pendingRcpt.isEmpty()) out.add(failure(pendingRcpt, reply, answered, greetingHost));
                continue; // a refused recipient does not end the session
            }
            for (String r : accepted) out.add(failure(r, reply, answered, greetingHost));
            break;
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static RawFailure failure(String recipient, String reply, String command, String reportingMta) {
        return RawFailure.builder().recipient(recipient).diagnostic(reply).command(command)
                .action(reply.charAt(0) == '5' ? "failed" : "delayed").diagnosticType("SMTP")
                .reportingMta(reportingMta).build();
    }

    private static String verb(String command) {
        int sp = 0;
        while (sp < command.length() && Character.isLetter(command.charAt(sp))) sp++;
        return command.substring(0, sp).toUpperCase(Locale.ROOT);
    }

    private static String firstWord(String s) {
        String t = s.trim();
        int sp = 0;
        while (sp < t.length() && sp < 255 && !Character.isWhitespace(t.charAt(sp))) sp++;
        return t.substring(0, sp).toLowerCase(Locale.ROOT);
    }
}
