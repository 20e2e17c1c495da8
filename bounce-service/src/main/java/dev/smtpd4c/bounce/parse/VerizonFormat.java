package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/**
 * Verizon's vtext.com gateway and Apache James: the error comes first ("Error message below:")
 * and the recipient after it ("RCPT TO: a@b"), so the whole report is the diagnostic.
 */
public final class VerizonFormat extends TextFormat {
    @Override public String name() { return "Verizon"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "error message below:") && Signs.textHas(m, "message details:");
    }

    @Override protected List<String> startMarkers() { return List.of("error message below:"); }

    @Override protected List<String> endMarkers() { return List.of("message details:"); }

    @Override protected String sentenceRecipient(String text) { return afterPhrase(text, "rcpt to:"); }
}
