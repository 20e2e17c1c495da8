package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** qmail and its relatives (netqmail, vpopmail, Yahoo's old MTA): "Hi. This is the qmail-send program at ...". */
public final class QmailFormat extends TextFormat {
    @Override public String name() { return "qmail"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "this is the qmail-send program", "this is the qmail", "i'm afraid i wasn't able to deliver")
                || Signs.headerHas(m, "Received", "invoked for bounce") && Signs.subjectHas(m, "failure notice");
    }

    @Override protected List<String> startMarkers() {
        return List.of("i'm afraid i wasn't able to deliver", "i'm afraid i couldn't deliver", "unable to deliver your message");
    }

    @Override protected List<String> endMarkers() {
        return List.of("--- below this line is a copy of the message", "--- enclosed are the original headers",
                "--- original message follows");
    }
}
