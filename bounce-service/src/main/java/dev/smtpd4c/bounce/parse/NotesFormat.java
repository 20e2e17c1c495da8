package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** Lotus Notes' own text reports ("------- Failure Reasons --------"). */
public final class NotesFormat extends TextFormat {
    @Override public String name() { return "Notes"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "------- failure reasons", "failure reasons --------");
    }

    @Override protected List<String> startMarkers() { return List.of("failure reasons"); }

    @Override protected List<String> endMarkers() { return List.of("------- returned message", "----- returned message"); }

    @Override protected void refine(RawFailure.Builder b, ParsedMessage m) {
        if (b.recipient.isEmpty()) b.recipient(fallbackRecipient(m, ""));
    }
}
